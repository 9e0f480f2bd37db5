package org.annualreview.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The demo dataset's only source of randomness: a seeded {@link SplittableRandom}, never the clock, so the
 * same seed always gives the same files. Uses plain arithmetic only (no platform-dependent maths).
 */
final class Chance {

    private static final double ROOT_THREE = Math.sqrt(3);

    private final SplittableRandom random;

    Chance(long seed) {
        this(new SplittableRandom(seed));
    }

    private Chance(SplittableRandom random) {
        this.random = random;
    }

    /** An independent stream, for one part of the dataset. */
    Chance split() {
        return new Chance(random.split());
    }

    /** True with the given probability. */
    boolean of(double probability) {
        return random.nextDouble() < probability;
    }

    /** A whole number from {@code low} to {@code high}, both included. */
    int between(int low, int high) {
        return random.nextInt(low, high + 1);
    }

    double uniform() {
        return random.nextDouble();
    }

    /** Roughly normal with mean 0 and standard deviation 1 (the sum of four uniforms), bounded at ±3.5. */
    double normal() {
        double sum = random.nextDouble() + random.nextDouble() + random.nextDouble() + random.nextDouble();
        return (sum - 2) * ROOT_THREE;
    }

    <T> T pick(List<T> items) {
        return items.get(random.nextInt(items.size()));
    }

    /** A day from {@code first} to {@code last}, both included. */
    LocalDate dayBetween(LocalDate first, LocalDate last) {
        long span = last.toEpochDay() - first.toEpochDay();
        return span <= 0 ? first : first.plusDays(random.nextLong(span + 1));
    }

    /** Shuffles a copy's first {@code count} places and returns them (Fisher–Yates). */
    <T> List<T> sample(List<T> items, int count) {
        java.util.ArrayList<T> copy = new java.util.ArrayList<>(items);
        int n = Math.min(count, copy.size());
        for (int i = 0; i < n; i++) {
            java.util.Collections.swap(copy, i, i + random.nextInt(copy.size() - i));
        }
        return List.copyOf(copy.subList(0, n));
    }
}
