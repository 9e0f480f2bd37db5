package org.annualreview.letters;

import java.util.List;
import java.util.Map;

import io.pebbletemplates.pebble.extension.Filter;
import io.pebbletemplates.pebble.template.EvaluationContext;
import io.pebbletemplates.pebble.template.PebbleTemplate;

/** {@code {{ enquiries.lateAfterExtension | words }}}: "two"; numbers from 0 to 20 in words, larger ones in figures. */
final class NumberInWords implements Filter {

    private static final String[] WORDS = {"no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"};

    static String of(long number) {
        return number >= 0 && number < WORDS.length ? WORDS[(int) number] : String.format("%,d", number);
    }

    @Override
    public Object apply(Object input, Map<String, Object> args, PebbleTemplate self, EvaluationContext context, int lineNumber) {
        if (input instanceof Number number) {
            return of(number.longValue());
        }
        return input;
    }

    @Override
    public List<String> getArgumentNames() {
        return List.of();
    }
}
