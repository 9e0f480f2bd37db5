package org.annualreview.letters;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.node.AbstractRenderableNode;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.AutoEscapeNode;
import io.pebbletemplates.pebble.node.BlockNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ExtendsNode;
import io.pebbletemplates.pebble.node.FlushNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.ImportNode;
import io.pebbletemplates.pebble.node.IncludeNode;
import io.pebbletemplates.pebble.node.MacroNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.Node;
import io.pebbletemplates.pebble.node.ParallelNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.SetNode;
import io.pebbletemplates.pebble.node.TestInvocationExpression;
import io.pebbletemplates.pebble.node.TextNode;
import io.pebbletemplates.pebble.node.expression.AddExpression;
import io.pebbletemplates.pebble.node.expression.AndExpression;
import io.pebbletemplates.pebble.node.expression.ArrayExpression;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.BlockFunctionExpression;
import io.pebbletemplates.pebble.node.expression.ConcatenateExpression;
import io.pebbletemplates.pebble.node.expression.ContainsExpression;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.DivideExpression;
import io.pebbletemplates.pebble.node.expression.EqualsExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterExpression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.FunctionOrMacroInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.GreaterThanEqualsExpression;
import io.pebbletemplates.pebble.node.expression.GreaterThanExpression;
import io.pebbletemplates.pebble.node.expression.LessThanEqualsExpression;
import io.pebbletemplates.pebble.node.expression.LessThanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBigDecimalExpression;
import io.pebbletemplates.pebble.node.expression.LiteralBooleanExpression;
import io.pebbletemplates.pebble.node.expression.LiteralDoubleExpression;
import io.pebbletemplates.pebble.node.expression.LiteralIntegerExpression;
import io.pebbletemplates.pebble.node.expression.LiteralLongExpression;
import io.pebbletemplates.pebble.node.expression.LiteralNullExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.MapExpression;
import io.pebbletemplates.pebble.node.expression.ModulusExpression;
import io.pebbletemplates.pebble.node.expression.MultiplyExpression;
import io.pebbletemplates.pebble.node.expression.NegativeTestExpression;
import io.pebbletemplates.pebble.node.expression.NotEqualsExpression;
import io.pebbletemplates.pebble.node.expression.OrExpression;
import io.pebbletemplates.pebble.node.expression.ParentFunctionExpression;
import io.pebbletemplates.pebble.node.expression.PositiveTestExpression;
import io.pebbletemplates.pebble.node.expression.RangeExpression;
import io.pebbletemplates.pebble.node.expression.SubtractExpression;
import io.pebbletemplates.pebble.node.expression.TernaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryMinusExpression;
import io.pebbletemplates.pebble.node.expression.UnaryNotExpression;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.Pair;

/**
 * Walks a parsed template and fails on the first field that {@link LetterFields} does not have, with its line:
 * every branch is checked, including those the data of the letter being written would skip. Loop and
 * {@code set} variables are known inside their scope; {@code loop} inside a loop. It fails too on anything else a
 * letter may not use (docs/templates.md): the whole context ({@code _context}), a method of a value, a function, a
 * filter or test not in {@link TemplateLanguage}, lists and maps written in the template, operators other than
 * comparisons and {@code and}, {@code or}, {@code not}, a repeat over what is not a list, and repeats nested more
 * than {@link #MOST_NESTED} deep.
 */
final class FieldCheck extends AbstractNodeVisitor {

    /** A value the check knows nothing more of than that it is not a record: it has no fields. */
    private static final Class<?> VALUE = Object.class;
    /** {@code loop} inside a repeat: {@code loop.index}, {@code loop.first}… */
    private static final Class<?> LOOP = ForNode.LoopVariables.class;
    static final int MOST_NESTED = 2;

    /** What each operator a letter may not use is written as. */
    private static final Map<Class<?>, String> OPERATORS = Map.of(AddExpression.class, "+", SubtractExpression.class, "-",
            MultiplyExpression.class, "*", DivideExpression.class, "/", ModulusExpression.class, "%",
            ConcatenateExpression.class, "~", RangeExpression.class, "..", ContainsExpression.class, "contains");
    private static final Set<Class<?>> COMPARISONS = Set.of(AndExpression.class, OrExpression.class, EqualsExpression.class,
            NotEqualsExpression.class, LessThanExpression.class, LessThanEqualsExpression.class, GreaterThanExpression.class,
            GreaterThanEqualsExpression.class);

    /** The parts of a letter that only one field is ({@code scheme}, {@code letter}…), by their type: how a field is named wherever it is reached. */
    private static final Map<Class<?>, String> ONLY_FIELD_OF_ITS_TYPE = onlyFieldsOfTheirType();

    private final Deque<Map<String, Type>> scopes = new ArrayDeque<>();
    private final String file;
    private final Map<String, Integer> named;
    private int nested;
    /** The nodes and parts of expressions seen so far: what a repeat weighs is those inside it ({@link RepeatLimit}). */
    private int steps;

    /** Checks the template, noting in {@code named} each field it names ({@code scheme.workshopsLastYear}) with the first line naming it. */
    FieldCheck(PebbleTemplateImpl template, String file, Map<String, Integer> named) {
        super(template);
        this.file = file;
        this.named = named;
        Map<String, Type> top = new HashMap<>();
        for (RecordComponent component : LetterFields.class.getRecordComponents()) {
            top.put(component.getName(), component.getGenericType());
        }
        scopes.push(top);
    }

    private static Map<Class<?>, String> onlyFieldsOfTheirType() {
        Map<Class<?>, String> names = new HashMap<>();
        Set<Class<?>> repeated = new java.util.HashSet<>();
        for (RecordComponent component : LetterFields.class.getRecordComponents()) {
            if (names.putIfAbsent(component.getType(), component.getName()) != null) {
                repeated.add(component.getType());
            }
        }
        names.keySet().removeAll(repeated);
        return Map.copyOf(names);
    }

    private void note(String field, int line) {
        named.merge(field, line, Math::min);
    }

    @Override
    public void visit(PrintNode node) {
        steps++;
        typeOf(node.getExpression(), node.getLineNumber());
    }

    @Override
    public void visit(TextNode node) {
        steps++;
    }

    @Override
    public void visit(IfNode node) {
        steps++;
        for (Pair<Expression<?>, BodyNode> branch : node.getConditionsWithBodies()) {
            typeOf(branch.getLeft(), node.getLineNumber());
            branch.getRight().accept(this);
        }
        if (node.getElseBody() != null) {
            node.getElseBody().accept(this);
        }
    }

    @Override
    public void visit(ForNode node) {
        int line = node.getLineNumber();
        Expression<?> list = node.getIterable() instanceof RepeatLimit.Counted counted ? counted.list() : node.getIterable();
        Type iterable = typeOf(list, line);
        if (!isList(iterable)) {
            throw new BadTemplate(file, line, "'" + describe(list) + "' is not a list: a letter repeats over a list field, such as "
                    + String.join(" or ", listFields()));
        }
        if (nested == MOST_NESTED) {
            throw new BadTemplate(file, line, "a repeat inside a repeat inside a repeat: a letter may have one {% for %} inside"
                    + " another, no deeper");
        }
        Map<String, Type> scope = new HashMap<>();
        scope.put(node.getIterationVariable(), ((ParameterizedType) iterable).getActualTypeArguments()[0]);
        scope.put("loop", LOOP);
        scopes.push(scope);
        nested++;
        int before = steps;
        node.getBody().accept(this);
        if (node.getIterable() instanceof RepeatLimit.Counted counted) {
            counted.weigh(1 + steps - before);
        }
        nested--;
        scopes.pop();
        if (node.getElseBody() != null) {
            node.getElseBody().accept(this);
        }
    }

    @Override
    public void visit(SetNode node) {
        steps++;
        Type value = typeOf(node.getValue(), node.getLineNumber());
        scopes.peek().put(node.getName(), value);
    }

    /** Any other kind of node comes from a tag a letter may not use (the engine has none of them: this is a second wall). */
    @Override
    public void visit(Node node) {
        int line = node instanceof AbstractRenderableNode renderable ? renderable.getLineNumber() : 0;
        throw new BadTemplate(file, line, "'" + node.getClass().getSimpleName().replaceFirst("Node$", "").toLowerCase(java.util.Locale.ROOT)
                + "' is not something a letter may use: a template has {% if %}, {% for %} and {% set %} (docs/templates.md)");
    }

    @Override
    public void visit(AutoEscapeNode node) {
        visit((Node) node);
    }

    @Override
    public void visit(BlockNode node) {
        visit((Node) node);
    }

    @Override
    public void visit(ExtendsNode node) {
        visit((Node) node);
    }

    @Override
    public void visit(FlushNode node) {
        visit((Node) node);
    }

    @Override
    public void visit(ImportNode node) {
        visit((Node) node);
    }

    @Override
    public void visit(IncludeNode node) {
        visit((Node) node);
    }

    @Override
    public void visit(MacroNode node) {
        visit((Node) node);
    }

    @Override
    public void visit(ParallelNode node) {
        visit((Node) node);
    }

    /**
     * The static type of an expression: a record, a list, {@link #LOOP} or a {@link #VALUE}; failing on an unknown
     * field or on anything a letter may not use.
     */
    private Type typeOf(Expression<?> expression, int nodeLine) {
        steps++;
        int line = lineOf(expression.getLineNumber(), nodeLine);
        if (expression instanceof LiteralStringExpression || expression instanceof LiteralIntegerExpression
                || expression instanceof LiteralLongExpression || expression instanceof LiteralDoubleExpression
                || expression instanceof LiteralBigDecimalExpression || expression instanceof LiteralBooleanExpression
                || expression instanceof LiteralNullExpression) {
            return VALUE;
        }
        if (expression instanceof ContextVariableExpression variable) {
            Type type = variable(variable.getName(), line);
            if (scopes.stream().filter(scope -> scope.containsKey(variable.getName())).findFirst().orElseThrow() == scopes.getLast()) {
                note(variable.getName(), line);   // a field of the letter, not a repeat's or a set's name for something
            }
            return type;
        }
        if (expression instanceof GetAttributeExpression attribute) {
            Type owner = typeOf(attribute.getNode(), line);
            if (!(attribute.getAttributeNameExpression() instanceof LiteralStringExpression name)) {
                throw new BadTemplate(file, line, "'" + describe(attribute.getNode()) + "[…]': fields are named, as organisation.name,"
                        + " and a list is repeated over with {% for %}");
            }
            if (attribute.getArgumentsNode() != null) {
                throw new BadTemplate(file, line, "'" + describe(attribute.getNode()) + "." + name.getValue() + "(…)' calls the method '"
                        + name.getValue() + "': a template names fields, it calls no methods");
            }
            Type type = field(owner, name.getValue(), attribute.getNode(), line);
            note(owner instanceof Class<?> record && ONLY_FIELD_OF_ITS_TYPE.containsKey(record)
                    ? ONLY_FIELD_OF_ITS_TYPE.get(record) + "." + name.getValue() : describe(attribute), line);
            return type;
        }
        if (expression instanceof FilterExpression filter) {
            typeOf(filter.getLeftExpression(), line);
            FilterInvocationExpression invocation = (FilterInvocationExpression) filter.getRightExpression();
            if (!TemplateLanguage.FILTERS.contains(invocation.getFilterName())) {
                throw new BadTemplate(file, line, "the filter '" + invocation.getFilterName() + "' is not one a letter may use: the filters"
                        + " are " + String.join(", ", TemplateLanguage.FILTERS.stream().sorted().toList()));
            }
            arguments(invocation.getArgs(), line);
            return VALUE;
        }
        if (expression instanceof PositiveTestExpression || expression instanceof NegativeTestExpression) {
            BinaryExpression<?> test = (BinaryExpression<?>) expression;
            typeOf(test.getLeftExpression(), line);
            TestInvocationExpression invocation = (TestInvocationExpression) test.getRightExpression();
            if (!TemplateLanguage.TESTS.contains(invocation.getTestName())) {
                throw new BadTemplate(file, line, "the test '" + invocation.getTestName() + "' is not one a letter may use: write"
                        + " 'is empty' or 'is not empty'");
            }
            arguments(invocation.getArgs(), line);
            return VALUE;
        }
        if (expression instanceof BinaryExpression<?> binary) {
            typeOf(binary.getLeftExpression(), line);
            typeOf(binary.getRightExpression(), line);
            if (!COMPARISONS.contains(binary.getClass())) {
                throw notForALetter(line, "'" + OPERATORS.getOrDefault(binary.getClass(), binary.getClass().getSimpleName()) + "'",
                        "conditions compare with ==, !=, <, >, <=, >= and combine with and, or, not");
            }
            return VALUE;
        }
        if (expression instanceof UnaryNotExpression || expression instanceof UnaryMinusExpression) {
            typeOf(((UnaryExpression) expression).getChildExpression(), line);
            return VALUE;
        }
        if (expression instanceof TernaryExpression) {
            throw notForALetter(line, "'a ? b : c'", "write {% if … %} … {% else %} … {% endif %}");
        }
        if (expression instanceof FunctionOrMacroInvocationExpression function) {
            throw notForALetter(line, "'" + function.getFunctionName() + "(…)'", "a template has no functions, only its fields and filters");
        }
        if (expression instanceof BlockFunctionExpression || expression instanceof ParentFunctionExpression) {
            throw notForALetter(line, expression instanceof BlockFunctionExpression ? "'block(…)'" : "'parent(…)'",
                    "a template has no functions, only its fields and filters");
        }
        if (expression instanceof ArrayExpression list) {
            list.getValues().forEach(value -> typeOf(value, line));
            throw notForALetter(line, "'[…]'", "lists and maps cannot be written in a template; its lists are fields");
        }
        if (expression instanceof MapExpression map) {
            map.getEntries().forEach((key, value) -> {
                typeOf(key, line);
                typeOf(value, line);
            });
            throw notForALetter(line, "'{…}'", "lists and maps cannot be written in a template; its lists are fields");
        }
        throw notForALetter(line, "this expression", "a template has its fields, filters and conditions (docs/templates.md)");
    }

    private BadTemplate notForALetter(int line, String what, String instead) {
        return new BadTemplate(file, line, what + " is not something a letter may use: " + instead);
    }

    private void arguments(ArgumentsNode arguments, int line) {
        if (arguments == null) {
            return;
        }
        if (arguments.getPositionalArgs() != null) {
            for (PositionalArgumentNode argument : arguments.getPositionalArgs()) {
                typeOf(argument.getValueExpression(), line);
            }
        }
        if (arguments.getNamedArgs() != null) {
            for (NamedArgumentNode argument : arguments.getNamedArgs()) {
                typeOf(argument.getValueExpression(), line);
            }
        }
    }

    private Type variable(String name, int line) {
        for (Map<String, Type> scope : scopes) {
            if (scope.containsKey(name)) {
                return scope.get(name);
            }
        }
        if (name.equals("_context")) {
            throw new BadTemplate(file, line, "'_context' is not a field: a template names its fields one by one: "
                    + namesOf(LetterFields.class));
        }
        throw new BadTemplate(file, line, "unknown field '" + name + "': a letter has " + namesOf(LetterFields.class));
    }

    private Type field(Type owner, String name, Expression<?> of, int line) {
        if (owner == LOOP) {
            if (TemplateLanguage.LOOP_FIELDS.contains(name)) {
                return VALUE;
            }
            throw new BadTemplate(file, line, "unknown field 'loop." + name + "': 'loop' has " + String.join(", ", TemplateLanguage.LOOP_FIELDS));
        }
        if (isList(owner)) {
            throw new BadTemplate(file, line, "'" + describe(of) + "' is a list and has no field '" + name + "': repeat over it with"
                    + " {% for %}, or use | length or | join");
        }
        if (!(owner instanceof Class<?> type) || !type.isRecord()) {
            throw new BadTemplate(file, line, "'" + describe(of) + "' is a value and has no field '" + name + "'");
        }
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                .map(RecordComponent::getGenericType)
                .orElseThrow(() -> new BadTemplate(file, line, "unknown field '" + describe(of) + "." + name + "': '"
                        + describe(of) + "' has " + namesOf(type)));
    }

    private static boolean isList(Type type) {
        return type instanceof ParameterizedType list && List.class.equals(list.getRawType());
    }

    /** The list fields of a letter, as a template writes them: training.courses, signatory.titles. */
    private static List<String> listFields() {
        List<String> names = new ArrayList<>();
        for (RecordComponent component : LetterFields.class.getRecordComponents()) {
            if (component.getType().isRecord()) {
                for (RecordComponent inner : component.getType().getRecordComponents()) {
                    if (isList(inner.getGenericType())) {
                        names.add(component.getName() + "." + inner.getName());
                    }
                }
            }
        }
        return names;
    }

    private static String namesOf(Class<?> record) {
        return Arrays.stream(record.getRecordComponents()).map(RecordComponent::getName).collect(Collectors.joining(", "));
    }

    private static String describe(Expression<?> expression) {
        if (expression instanceof ContextVariableExpression variable) {
            return variable.getName();
        }
        if (expression instanceof GetAttributeExpression attribute
                && attribute.getAttributeNameExpression() instanceof LiteralStringExpression name) {
            return describe(attribute.getNode()) + "." + name.getValue();
        }
        if (expression instanceof LiteralStringExpression text) {
            return '"' + text.getValue() + '"';
        }
        if (expression instanceof LiteralIntegerExpression || expression instanceof LiteralLongExpression) {
            return String.valueOf(expression.evaluate(null, null));
        }
        return "the value";
    }

    private int lineOf(int expressionLine, int nodeLine) {
        return expressionLine > 0 ? expressionLine : nodeLine;
    }
}
