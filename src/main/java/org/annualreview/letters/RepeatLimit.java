package org.annualreview.letters;

import java.text.NumberFormat;
import java.time.Duration;
import java.util.AbstractList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

import io.pebbletemplates.pebble.error.ParserException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.extension.NodeVisitor;
import io.pebbletemplates.pebble.lexer.Token;
import io.pebbletemplates.pebble.lexer.TokenStream;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.RenderableNode;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.parser.Parser;
import io.pebbletemplates.pebble.template.EvaluationContextImpl;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.tokenParser.TokenParser;

/**
 * How much one letter may repeat: every turn of every {@code {% for %}} while writing one letter counts, as one turn
 * and as the steps inside the repeat ({@link FieldCheck} weighs each repeat when it is loaded: a field, a condition, a
 * line of text, each part of an expression inside it is a step). A letter that would take more than
 * {@link #MOST_TURNS} turns or {@link #MOST_STEPS} steps, or still be repeating after {@link #MOST_TIME}, stops with
 * an error naming the line of the repeat, instead of holding a web request or a run of letters. A letter repeats
 * once for each course delivered or title of the signatory, so a real one takes a few turns and a few hundred steps.
 */
final class RepeatLimit {

    static final int MOST_TURNS = 1_000;
    static final int MOST_STEPS = 100_000;
    static final Duration MOST_TIME = Duration.ofSeconds(2);

    /** Where {@link LetterTemplate#render} puts the letter's limit among the fields: not a name a template can write. */
    static final String KEY = "the letter's repeat limit";

    private final String file;
    private final Duration mostTime;
    private final long deadline;
    private int turns;
    private long steps;

    RepeatLimit(String file) {
        this(file, MOST_TIME);
    }

    RepeatLimit(String file, Duration mostTime) {
        this.file = file;
        this.mostTime = mostTime;
        this.deadline = System.nanoTime() + mostTime.toNanos();
    }

    /** One more turn of the repeat on the line given, of so many steps; fails past the limit. */
    void turn(int line, int weight) {
        if (++turns > MOST_TURNS) {
            throw new BadTemplate(file, line, "this letter would repeat more than " + NumberFormat.getIntegerInstance(Locale.UK)
                    .format(MOST_TURNS) + " times in all (each {% for %} counts each time round): a letter repeats for its"
                    + " courses or the signatory's titles, which are a few");
        }
        steps += weight;
        if (steps > MOST_STEPS) {
            throw new BadTemplate(file, line, "this letter would take more than " + NumberFormat.getIntegerInstance(Locale.UK)
                    .format(MOST_STEPS) + " steps to write (each time round a {% for %} counts the fields, conditions and text"
                    + " inside it): repeat less, or less inside the repeat");
        }
        if (System.nanoTime() - deadline > 0) {
            throw new BadTemplate(file, line, "this letter was still repeating after " + mostTime.toSeconds()
                    + " seconds, so it was stopped: repeat less");
        }
    }

    /** {@code {% for x in list %}} as Pebble's own, with each turn counted against the letter's limit. */
    static final class ForTag implements TokenParser {

        @Override
        public String getTag() {
            return "for";
        }

        /** Pebble 3.2.4's ForTokenParser, but for the list, which is {@link Counted}. */
        @Override
        public RenderableNode parse(Token token, Parser parser) {
            TokenStream stream = parser.getStream();
            int line = token.getLineNumber();
            stream.next();
            String variable = parser.getExpressionParser().parseNewVariableName();
            stream.expect(Token.Type.NAME, "in");
            Expression<?> list = parser.getExpressionParser().parseExpression();
            stream.expect(Token.Type.EXECUTE_END);
            BodyNode body = parser.subparse(t -> t.test(Token.Type.NAME, "else", "endfor"));
            BodyNode elseBody = null;
            if (stream.current().test(Token.Type.NAME, "else")) {
                stream.next();
                stream.expect(Token.Type.EXECUTE_END);
                elseBody = parser.subparse(t -> t.test(Token.Type.NAME, "endfor"));
            }
            if (stream.current().getValue() == null) {
                throw new ParserException(null, "the {% for %} on line " + line + " is never closed by {% endfor %}",
                        stream.current().getLineNumber(), stream.getFilename());
            }
            stream.next();
            stream.expect(Token.Type.EXECUTE_END);
            return new ForNode(line, variable, new Counted(list, line), body, elseBody);
        }
    }

    /** The list a {@code {% for %}} repeats over, whose turns count against the letter's limit. */
    static final class Counted implements Expression<Object> {

        private final Expression<?> list;
        private final int line;
        private int weight = 1;

        Counted(Expression<?> list, int line) {
            this.list = list;
            this.line = line;
        }

        /** The expression as written, for the field check. */
        Expression<?> list() {
            return list;
        }

        /** How many steps one turn of the repeat takes: set by {@link FieldCheck} when the template is loaded. */
        void weigh(int steps) {
            this.weight = Math.max(1, steps);
        }

        @Override
        public Object evaluate(PebbleTemplateImpl self, EvaluationContextImpl context) {
            Object value = list.evaluate(self, context);
            if (value == null) {
                return null;    // no turns
            }
            if (!(value instanceof List<?> items)) {
                throw new PebbleException(null, "only a list can be repeated over", line, self.getName());
            }
            if (!(context.getScopeChain().get(KEY) instanceof RepeatLimit limit)) {
                throw new IllegalStateException("a letter is written with its repeat limit");
            }
            return new CountedList(items, limit, line, weight);
        }

        @Override
        public void accept(NodeVisitor visitor) {
            visitor.visit(this);
        }

        @Override
        public int getLineNumber() {
            return line;
        }
    }

    /** A list as it is, except that each step through it is one turn. */
    private static final class CountedList extends AbstractList<Object> {

        private final List<?> items;
        private final RepeatLimit limit;
        private final int line;
        private final int weight;

        CountedList(List<?> items, RepeatLimit limit, int line, int weight) {
            this.items = items;
            this.limit = limit;
            this.line = line;
            this.weight = weight;
        }

        @Override
        public Object get(int index) {
            return items.get(index);
        }

        @Override
        public int size() {
            return items.size();
        }

        @Override
        public Iterator<Object> iterator() {
            Iterator<?> each = items.iterator();
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return each.hasNext();
                }

                @Override
                public Object next() {
                    limit.turn(line, weight);
                    return each.next();
                }
            };
        }
    }
}
