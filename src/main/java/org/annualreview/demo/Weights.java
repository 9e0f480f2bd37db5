package org.annualreview.demo;

import java.util.ArrayList;
import java.util.List;

/** A table of choices with relative weights, drawn from with {@link Chance}. */
final class Weights<T> {

    private final List<T> choices = new ArrayList<>();
    private final List<Double> cumulative = new ArrayList<>();
    private double total;

    Weights<T> add(T choice, double weight) {
        total += weight;
        choices.add(choice);
        cumulative.add(total);
        return this;
    }

    T draw(Chance chance) {
        double point = chance.uniform() * total;
        for (int i = 0; i < choices.size(); i++) {
            if (point < cumulative.get(i)) {
                return choices.get(i);
            }
        }
        return choices.get(choices.size() - 1);
    }
}
