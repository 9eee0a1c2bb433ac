package io.gatehouse.shared.property;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.Function;

/**
 * Makes one random input of a property from the property's {@link Random}. Generators draw only from the
 * random they are given, so a seed fixes every input of a run.
 * <p>
 * Generators do not bias toward boundaries: a property lists the edge cases it cares about (empty strings,
 * smallest and largest numbers, odd characters) as {@linkplain Property#examples(Object[]) examples}.
 */
@FunctionalInterface
public interface Generator<T> {

	T next(Random random);

	default <R> Generator<R> map(Function<? super T, ? extends R> mapper) {
		return (random) -> mapper.apply(next(random));
	}

	/** Lists of {@code minSize} to {@code maxSize} (inclusive) elements, each drawn from this generator. */
	default Generator<List<T>> list(int minSize, int maxSize) {
		Generator<Integer> sizes = ints(minSize, maxSize);
		return (random) -> {
			int size = sizes.next(random);
			List<T> list = new ArrayList<>(size);
			for (int i = 0; i < size; i++) {
				list.add(next(random));
			}
			return list;
		};
	}

	/** Empty with probability {@code emptyProbability}, else a value of this generator. */
	default Generator<Optional<T>> optional(double emptyProbability) {
		return (random) -> (random.nextDouble() < emptyProbability) ? Optional.empty() : Optional.of(next(random));
	}

	static <T> Generator<T> just(T value) {
		return (random) -> value;
	}

	/** One of {@code values}, each as likely; a value may be null. */
	@SafeVarargs
	static <T> Generator<T> of(T... values) {
		return of(Arrays.asList(values));
	}

	static <T> Generator<T> of(List<T> values) {
		List<T> copy = new ArrayList<>(values);
		return (random) -> copy.get(random.nextInt(copy.size()));
	}

	/** Picks one of the generators, each as likely, and draws from it. */
	@SafeVarargs
	static <T> Generator<T> oneOf(Generator<? extends T>... generators) {
		List<Generator<? extends T>> copy = List.of(generators);
		return (random) -> copy.get(random.nextInt(copy.size())).next(random);
	}

	/**
	 * Picks a generator with probability proportional to its weight: {@code frequency(4, a, 1, b)} draws
	 * from {@code a} four times as often as from {@code b}.
	 */
	static <T> Generator<T> frequency(int weight1, Generator<? extends T> generator1, int weight2,
			Generator<? extends T> generator2) {
		return frequency(new int[] { weight1, weight2 }, List.of(generator1, generator2));
	}

	static <T> Generator<T> frequency(int weight1, Generator<? extends T> generator1, int weight2,
			Generator<? extends T> generator2, int weight3, Generator<? extends T> generator3) {
		return frequency(new int[] { weight1, weight2, weight3 }, List.of(generator1, generator2, generator3));
	}

	private static <T> Generator<T> frequency(int[] weights, List<Generator<? extends T>> generators) {
		int total = Arrays.stream(weights).sum();
		return (random) -> {
			int pick = random.nextInt(total);
			int i = 0;
			while (pick >= weights[i]) {
				pick -= weights[i++];
			}
			return generators.get(i).next(random);
		};
	}

	/** Integers from {@code min} to {@code max}, both included. */
	static Generator<Integer> ints(int min, int max) {
		if (min > max) {
			throw new IllegalArgumentException(min + " > " + max);
		}
		long span = (long) max - min + 1;
		return (random) -> (int) (min + Math.floorMod(random.nextLong(), span));
	}

	static Generator<Long> longs() {
		return Random::nextLong;
	}

	static Generator<Boolean> booleans() {
		return Random::nextBoolean;
	}

	/** Characters from {@code from} to {@code to}, both included. */
	static Generator<Character> charRange(char from, char to) {
		return ints(from, to).map((c) -> (char) c.intValue());
	}

	/** One of the UTF-16 code units of {@code chars} (a surrogate pair in it gives two lone surrogates). */
	static Generator<Character> charsOf(String chars) {
		return (random) -> chars.charAt(random.nextInt(chars.length()));
	}

	/**
	 * Any UTF-16 code unit, lone surrogates and noncharacters included (hostile input). Half of them ASCII,
	 * where the structure of headers, queries and JSON lives; a uniform draw would almost never pick it.
	 */
	static Generator<Character> anyChar() {
		return oneOf(charRange('\u0000', '\u007f'), charRange(Character.MIN_VALUE, Character.MAX_VALUE));
	}

	/**
	 * Text characters: the Basic Multilingual Plane without surrogates, noncharacters and private use, half
	 * of them ASCII. Control characters, NUL included, are text here.
	 */
	static Generator<Character> textChar() {
		Generator<Character> bmp = charRange(Character.MIN_VALUE, Character.MAX_VALUE);
		Generator<Character> text = (random) -> {
			char c;
			do {
				c = bmp.next(random);
			}
			while (Character.isSurrogate(c) || (c >= '\ufdd0' && c <= '\ufdef') || c >= '\ufffe'
					|| (c >= '\ue000' && c <= '\uf8ff'));
			return c;
		};
		return oneOf(charRange('\u0000', '\u007f'), text);
	}

	/** Strings of {@code minLength} to {@code maxLength} (inclusive) characters drawn from {@code chars}. */
	static Generator<String> strings(Generator<Character> chars, int minLength, int maxLength) {
		Generator<Integer> lengths = ints(minLength, maxLength);
		return (random) -> {
			int length = lengths.next(random);
			StringBuilder string = new StringBuilder(length);
			for (int i = 0; i < length; i++) {
				string.append(chars.next(random).charValue());
			}
			return string.toString();
		};
	}

}
