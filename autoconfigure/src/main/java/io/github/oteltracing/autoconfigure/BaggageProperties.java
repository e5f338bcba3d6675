package io.github.oteltracing.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.oteltracing.baggage.AcceptIncoming;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Baggage: business context (a tenant, a customer) that travels with the trace.
 */
@ConfigurationProperties("tracing.baggage")
public class BaggageProperties {

	/**
	 * Baggage entries the application works with. Once set, incoming entries not listed
	 * are dropped (see accept-incoming) and outgoing calls carry only listed entries.
	 */
	private List<String> fields = new ArrayList<>();

	/**
	 * Which incoming baggage entries a server keeps: listed (the entries in fields), all or
	 * none. Defaults to listed when fields are set, else all.
	 */
	private AcceptIncoming acceptIncoming;

	/**
	 * Baggage entries put into the logging MDC beside the trace ids, under their own names
	 * (needs tracing.logging.mdc).
	 */
	private List<String> correlationFields = new ArrayList<>();

	/**
	 * Baggage entries copied onto every span started while they are set, as attributes of
	 * the same name. Redaction applies to them.
	 */
	private List<String> tagFields = new ArrayList<>();

	public List<String> getFields() {
		return this.fields;
	}

	public void setFields(List<String> fields) {
		this.fields = fields;
	}

	public AcceptIncoming getAcceptIncoming() {
		return this.acceptIncoming;
	}

	public void setAcceptIncoming(AcceptIncoming acceptIncoming) {
		this.acceptIncoming = acceptIncoming;
	}

	public List<String> getCorrelationFields() {
		return this.correlationFields;
	}

	public void setCorrelationFields(List<String> correlationFields) {
		this.correlationFields = correlationFields;
	}

	public List<String> getTagFields() {
		return this.tagFields;
	}

	public void setTagFields(List<String> tagFields) {
		this.tagFields = tagFields;
	}

	/**
	 * The acceptance in effect: as set, else listed when fields are set, else all.
	 * @return the acceptance of incoming entries
	 */
	AcceptIncoming effectiveAcceptIncoming() {
		if (this.acceptIncoming != null) {
			return this.acceptIncoming;
		}
		return this.fields.isEmpty() ? AcceptIncoming.ALL : AcceptIncoming.LISTED;
	}

}
