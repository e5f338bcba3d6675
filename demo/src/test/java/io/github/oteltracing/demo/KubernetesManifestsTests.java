package io.github.oteltracing.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import static io.github.oteltracing.demo.YamlFiles.list;
import static io.github.oteltracing.demo.YamlFiles.map;
import static io.github.oteltracing.demo.YamlFiles.maps;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Kubernetes manifests of {@code deploy/} (applied with {@code kubectl apply -k deploy/})
 * parse and fit the Collector configurations they mount: the agents run on every node and
 * answer node-locally, the gateways' headless Service is the name the agents resolve, Jaeger
 * is the name the gateways export to and keeps its store on a volume claim, and the services
 * describe their pod through the downward API. Without a cluster on the build machines, this
 * is a structural check; {@code kubectl kustomize deploy/} renders them where kubectl exists.
 */
class KubernetesManifestsTests {

	private static final Map<String, Object> KUSTOMIZATION = YamlFiles.load("deploy/kustomization.yaml");

	private static final List<Map<String, Object>> MANIFESTS = manifests();

	@Test
	void configMapsAreGeneratedFromTheFilesComposeMounts() {
		Map<String, String> files = Map.of("otel-agent-config", "config.yaml=collector/agent.yaml",
				"otel-gateway-config", "config.yaml=collector/gateway.yaml", "jaeger-config",
				"config.yaml=jaeger/jaeger.yaml");
		List<Map<String, Object>> generators = maps(KUSTOMIZATION, "configMapGenerator");
		files.forEach((name, file) -> assertThat(generators).as(name).anySatisfy((generator) -> {
			assertThat(generator).containsEntry("name", name).containsEntry("namespace", "observability");
			assertThat(list(generator, "files")).containsExactly(file);
		}));
		generators.forEach((generator) -> list(generator, "files").forEach((file) -> assertThat(
				YamlFiles.file("deploy/" + String.valueOf(file).substring(String.valueOf(file).indexOf('=') + 1)))
			.isRegularFile()));
	}

	@Test
	void agentsRunOnEveryNodeAndAnswerOnlyTheirNode() {
		Map<String, Object> agent = resource("DaemonSet", "otel-agent");
		assertThat(configMap(agent)).isEqualTo("otel-agent-config");
		Map<String, Object> service = map(resource("Service", "otel-agent"), "spec");
		assertThat(service).containsEntry("internalTrafficPolicy", "Local");
		assertThat(ports(service)).contains(4317, 4318);
	}

	@Test
	void gatewaysAreTheHeadlessServiceTheAgentsResolve() {
		Map<String, Object> service = resource("Service", DeployCollectorConfigTests.gatewayHostname());
		assertThat(map(service, "spec")).containsEntry("clusterIP", "None");
		assertThat(ports(map(service, "spec"))).containsExactly(DeployCollectorConfigTests.gatewayResolver().get("port"));
		Map<String, Object> gateway = resource("Deployment", "otel-gateway");
		assertThat(map(gateway, "spec").get("replicas")).isInstanceOfSatisfying(Integer.class,
				(replicas) -> assertThat(replicas).isGreaterThanOrEqualTo(2));
		assertThat(configMap(gateway)).isEqualTo("otel-gateway-config");
		assertThat(map(service, "spec", "selector"))
			.isEqualTo(map(gateway, "spec", "template", "metadata", "labels")
				.entrySet()
				.stream()
				.filter((label) -> map(service, "spec", "selector").containsKey(label.getKey()))
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
	}

	@Test
	void jaegerIsWhereTheGatewaysExportAndKeepsItsStoreOnAVolumeClaim() {
		Map<String, Object> service = resource("Service", "jaeger");
		assertThat(ports(map(service, "spec"))).contains(4317, 16686);
		Map<String, Object> jaeger = resource("StatefulSet", "jaeger");
		assertThat(configMap(jaeger)).isEqualTo("jaeger-config");
		String claim = String.valueOf(map(maps(map(jaeger, "spec"), "volumeClaimTemplates").get(0), "metadata").get("name"));
		assertThat(maps(container(jaeger), "volumeMounts")).anySatisfy((mount) -> assertThat(mount)
			.containsEntry("name", claim)
			.containsEntry("mountPath", DeployCollectorConfigTests.BADGER_VOLUME));
	}

	@Test
	void servicesExportToTheirNodesAgentAndDescribeTheirPod() {
		List<Map<String, Object>> samples = MANIFESTS.stream()
			.filter((manifest) -> "Deployment".equals(manifest.get("kind")))
			.filter((manifest) -> "shop".equals(map(manifest, "metadata").get("namespace")))
			.toList();
		assertThat(samples).hasSize(3);
		for (Map<String, Object> sample : samples) {
			List<Map<String, Object>> env = maps(container(sample), "env");
			List<String> names = env.stream().map((variable) -> String.valueOf(variable.get("name"))).toList();
			assertThat(value(env, "OTEL_EXPORTER_OTLP_ENDPOINT")).isEqualTo("http://otel-agent.observability.svc:4318");
			assertThat(value(env, "OTEL_BSP_SCHEDULE_DELAY")).isEqualTo(DeployComposeFileTests.SCHEDULE_DELAY_MILLIS);
			String attributes = value(env, "OTEL_RESOURCE_ATTRIBUTES");
			assertThat(attributes).contains("k8s.pod.name=$(K8S_POD_NAME)", "k8s.namespace.name=$(K8S_NAMESPACE_NAME)",
					"k8s.node.name=$(K8S_NODE_NAME)");
			// Kubernetes expands $(NAME) only for variables defined before.
			assertThat(names.indexOf("K8S_POD_NAME")).isLessThan(names.indexOf("OTEL_RESOURCE_ATTRIBUTES"));
			assertThat(env).anySatisfy((variable) -> {
				assertThat(variable).containsEntry("name", "K8S_POD_NAME");
				assertThat(map(variable, "valueFrom", "fieldRef")).containsEntry("fieldPath", "metadata.name");
			});
		}
	}

	private static List<Map<String, Object>> manifests() {
		List<Map<String, Object>> manifests = new ArrayList<>();
		for (Object resource : list(KUSTOMIZATION, "resources")) {
			manifests.addAll(YamlFiles.loadAll("deploy/" + resource));
		}
		return manifests;
	}

	private static Map<String, Object> resource(String kind, String name) {
		List<Map<String, Object>> found = MANIFESTS.stream()
			.filter((manifest) -> kind.equals(manifest.get("kind")))
			.filter((manifest) -> name.equals(map(manifest, "metadata").get("name")))
			.toList();
		assertThat(found).as("%s %s", kind, name).hasSize(1);
		return found.get(0);
	}

	private static Map<String, Object> container(Map<String, Object> workload) {
		List<Map<String, Object>> containers = maps(map(workload, "spec", "template", "spec"), "containers");
		assertThat(containers).hasSize(1);
		return containers.get(0);
	}

	// The ConfigMap mounted as the container's configuration directory.
	private static String configMap(Map<String, Object> workload) {
		Map<String, Object> container = container(workload);
		String volume = maps(container, "volumeMounts").stream()
			.filter((mount) -> "config".equals(mount.get("name")))
			.map((mount) -> String.valueOf(mount.get("mountPath")))
			.findFirst()
			.orElseThrow();
		assertThat(list(container, "args")).singleElement()
			.asString()
			.isEqualTo("--config=" + volume + "/config.yaml");
		return maps(map(workload, "spec", "template", "spec"), "volumes").stream()
			.filter((candidate) -> "config".equals(candidate.get("name")))
			.map((candidate) -> String.valueOf(map(candidate, "configMap").get("name")))
			.findFirst()
			.orElseThrow();
	}

	private static List<Object> ports(Map<String, Object> serviceSpec) {
		return maps(serviceSpec, "ports").stream().map((port) -> port.get("port")).toList();
	}

	private static String value(List<Map<String, Object>> env, String name) {
		return env.stream()
			.filter((variable) -> name.equals(variable.get("name")))
			.map((variable) -> String.valueOf(variable.get("value")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no " + name + " in " + env));
	}

}
