package io.github.oteltracing.internal.traced;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Derives verb-noun span names in lower-kebab-case from methods and classes.
 */
public final class SpanNames {

	private static final List<String> CLASS_SUFFIXES = List.of("Service", "Controller", "Client", "Repository",
			"Handler", "Component", "Manager", "Impl");

	private SpanNames() {
	}

	/**
	 * {@code reserveStock} on any class gives {@code reserve-stock};
	 * {@code authorize} on {@code PaymentService} gives {@code authorize-payment};
	 * {@code welcome} on {@code WelcomeController} stays {@code welcome}.
	 * @param methodName the method's name
	 * @param classSimpleName the simple name of the user's class
	 * @return the span name
	 */
	public static String derive(String methodName, String classSimpleName) {
		List<String> words = words(methodName);
		if (words.size() == 1) {
			List<String> noun = words(stripSuffixes(classSimpleName));
			if (!noun.equals(words)) {
				words = new ArrayList<>(words);
				words.addAll(noun);
			}
		}
		return String.join("-", words);
	}

	/**
	 * Removes role suffixes repeatedly: {@code InvoiceServiceImpl} gives {@code Invoice}.
	 * A name that is only a suffix is kept as it is.
	 */
	static String stripSuffixes(String className) {
		String name = className;
		boolean stripped = true;
		while (stripped) {
			stripped = false;
			for (String suffix : CLASS_SUFFIXES) {
				if (name.length() > suffix.length() && name.endsWith(suffix)) {
					name = name.substring(0, name.length() - suffix.length());
					stripped = true;
				}
			}
		}
		return name;
	}

	/**
	 * Splits camelCase, PascalCase, snake_case and acronyms into lower-case words:
	 * {@code parseHTTPResponse2} gives {@code [parse, http, response2]}.
	 */
	static List<String> words(String identifier) {
		List<String> words = new ArrayList<>();
		StringBuilder word = new StringBuilder();
		int length = identifier.length();
		for (int i = 0; i < length; i++) {
			char c = identifier.charAt(i);
			if (c == '_' || c == '$' || c == '-') {
				flush(word, words);
				continue;
			}
			if (Character.isUpperCase(c) && word.length() > 0) {
				char previous = identifier.charAt(i - 1);
				boolean nextIsLower = i + 1 < length && Character.isLowerCase(identifier.charAt(i + 1));
				if (!Character.isUpperCase(previous) || nextIsLower) {
					flush(word, words);
				}
			}
			word.append(c);
		}
		flush(word, words);
		return words;
	}

	private static void flush(StringBuilder word, List<String> words) {
		if (word.length() > 0) {
			words.add(word.toString().toLowerCase(Locale.ROOT));
			word.setLength(0);
		}
	}

}
