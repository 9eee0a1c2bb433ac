package io.gatehouse.shared.property;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A property checked in a plain JUnit test: first on its examples (the edge cases, in order), then on
 * {@link #tries(int) tries} inputs drawn from its generator.
 * <pre>
 * Property.forAll(Generator.strings(Generator.textChar(), 0, 300))
 *     .examples("", "{}", "null")
 *     .tries(1000)
 *     .check((json) -&gt; assertParsesOrIsMalformed(json));
 * </pre>
 * Runs are deterministic: the random inputs come from {@code new Random(seed)}, the seed being the system
 * property {@value #SEED_PROPERTY} when set and {@link #DEFAULT_SEED} otherwise. There is no shrinking, so a
 * failure reports the seed, which try or example failed and the whole input;
 * {@code ./mvnw -pl shared-model verify -Dproperty.seed=<seed> -Dtest=<Class>#<method>} checks the same
 * inputs again, and other seeds explore further.
 */
public final class Property<T> {

	public static final String SEED_PROPERTY = "property.seed";

	public static final long DEFAULT_SEED = 20260115L;

	private final Generator<T> generator;

	private final List<T> examples = new ArrayList<>();

	private int tries = 1000;

	private Property(Generator<T> generator) {
		this.generator = generator;
	}

	public static <T> Property<T> forAll(Generator<T> generator) {
		return new Property<>(generator);
	}

	/** The seed of this run: {@value #SEED_PROPERTY} if set, else {@link #DEFAULT_SEED}. */
	public static long seed() {
		String value = System.getProperty(SEED_PROPERTY);
		if (value == null || value.isBlank()) {
			return DEFAULT_SEED;
		}
		try {
			return Long.parseLong(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("-D" + SEED_PROPERTY + " must be a long, not " + value, ex);
		}
	}

	/** Inputs checked before the random ones, in this order; a value may be null. */
	@SafeVarargs
	public final Property<T> examples(T... examples) {
		return examples(Arrays.asList(examples));
	}

	public Property<T> examples(Collection<? extends T> examples) {
		this.examples.addAll(examples);
		return this;
	}

	/** How many random inputs to check after the examples; 1000 unless set. */
	public Property<T> tries(int tries) {
		if (tries < 0) {
			throw new IllegalArgumentException("tries must not be negative: " + tries);
		}
		this.tries = tries;
		return this;
	}

	/**
	 * Checks {@code property} on every example, then on every random input, and stops at the first input
	 * for which it throws.
	 */
	public void check(Consumer<? super T> property) {
		long seed = seed();
		for (int i = 0; i < this.examples.size(); i++) {
			T input = this.examples.get(i);
			run(property, input, seed, "example " + (i + 1) + " of " + this.examples.size());
		}
		Random random = new Random(seed);
		for (int i = 0; i < this.tries; i++) {
			T input = this.generator.next(random);
			run(property, input, seed, "try " + (i + 1) + " of " + this.tries);
		}
	}

	private static <T> void run(Consumer<? super T> property, T input, long seed, String which) {
		try {
			property.accept(input);
		}
		// Not only assertions: an exception escaping the code under test is what many properties forbid.
		catch (AssertionError | RuntimeException | StackOverflowError ex) {
			throw new AssertionError(String.format("Property failed on %s (seed %d)%n  input: %s%n"
					+ "  rerun: -D%s=%d -Dtest=%s%n  cause: %s", which, seed, describe(input), SEED_PROPERTY, seed,
					caller(), ex), ex);
		}
	}

	/** The test method that called {@link #check}, as {@code -Dtest} takes it. */
	private static String caller() {
		return StackWalker.getInstance()
			.walk((frames) -> frames.filter((frame) -> !frame.getClassName().equals(Property.class.getName()))
				.findFirst()
				.map((frame) -> {
					String className = frame.getClassName();
					return className.substring(className.lastIndexOf('.') + 1) + "#" + frame.getMethodName();
				})
				.orElse("?"));
	}

	/**
	 * The input as a reader can type it back: strings as Java literals with every character outside printable
	 * ASCII escaped as a Java unicode escape (NUL, lone surrogates), records by component, collections by element.
	 */
	static String describe(Object value) {
		if (value == null) {
			return "null";
		}
		if (value instanceof CharSequence string) {
			return "\"" + escape(string.toString(), '"') + "\"";
		}
		if (value instanceof Character c) {
			return "'" + escape(c.toString(), '\'') + "'";
		}
		if (value instanceof Optional<?> optional) {
			return optional.map((present) -> "Optional[" + describe(present) + "]").orElse("Optional.empty");
		}
		if (value instanceof Map.Entry<?, ?> entry) {
			return describe(entry.getKey()) + "=" + describe(entry.getValue());
		}
		if (value instanceof Map<?, ?> map) {
			return map.entrySet().stream().map(Property::describe).collect(Collectors.joining(", ", "{", "}"));
		}
		if (value instanceof Collection<?> collection) {
			return collection.stream().map(Property::describe).collect(Collectors.joining(", ", "[", "]"));
		}
		if (value.getClass().isRecord()) {
			return describeRecord(value);
		}
		return escape(String.valueOf(value), (char) 0);
	}

	private static String describeRecord(Object value) {
		StringBuilder description = new StringBuilder(value.getClass().getSimpleName()).append('[');
		RecordComponent[] components = value.getClass().getRecordComponents();
		for (int i = 0; i < components.length; i++) {
			description.append((i > 0) ? ", " : "").append(components[i].getName()).append('=');
			try {
				// Test records are package-private, in other packages than this one.
				components[i].getAccessor().setAccessible(true);
				description.append(describe(components[i].getAccessor().invoke(value)));
			}
			catch (ReflectiveOperationException | RuntimeException ex) {
				return escape(String.valueOf(value), (char) 0);
			}
		}
		return description.append(']').toString();
	}

	/** Escapes {@code quote} and backslashes too when {@code quote} is not NUL (a literal is being written). */
	private static String escape(String text, char quote) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (quote != 0 && (c == '\\' || c == quote)) {
				escaped.append('\\').append(c);
			}
			else if (c >= ' ' && c <= '~') {
				escaped.append(c);
			}
			else {
				escaped.append(String.format("\\u%04x", (int) c));
			}
		}
		return escaped.toString();
	}

}
