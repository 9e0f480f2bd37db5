package org.annualreview.letters;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.pebbletemplates.pebble.extension.AbstractNodeVisitor;
import io.pebbletemplates.pebble.node.ArgumentsNode;
import io.pebbletemplates.pebble.node.BodyNode;
import io.pebbletemplates.pebble.node.ForNode;
import io.pebbletemplates.pebble.node.IfNode;
import io.pebbletemplates.pebble.node.NamedArgumentNode;
import io.pebbletemplates.pebble.node.PositionalArgumentNode;
import io.pebbletemplates.pebble.node.PrintNode;
import io.pebbletemplates.pebble.node.SetNode;
import io.pebbletemplates.pebble.node.expression.BinaryExpression;
import io.pebbletemplates.pebble.node.expression.ContextVariableExpression;
import io.pebbletemplates.pebble.node.expression.Expression;
import io.pebbletemplates.pebble.node.expression.FilterInvocationExpression;
import io.pebbletemplates.pebble.node.expression.FunctionOrMacroInvocationExpression;
import io.pebbletemplates.pebble.node.expression.GetAttributeExpression;
import io.pebbletemplates.pebble.node.expression.LiteralStringExpression;
import io.pebbletemplates.pebble.node.expression.TernaryExpression;
import io.pebbletemplates.pebble.node.expression.UnaryExpression;
import io.pebbletemplates.pebble.template.PebbleTemplateImpl;
import io.pebbletemplates.pebble.utils.Pair;

/**
 * Walks a parsed template and fails on the first field that {@link LetterFields} does not have, with its line:
 * every branch is checked, including those the data of the letter being written would skip. Loop and
 * {@code set} variables are known inside their scope; {@code loop} inside a loop.
 */
final class FieldCheck extends AbstractNodeVisitor {

    /** A field's type as far as the check needs it: a record with components, a list of something, or a value. */
    private static final Class<?> ANY = Object.class;

    private final Deque<Map<String, Type>> scopes = new ArrayDeque<>();
    private final String file;

    FieldCheck(PebbleTemplateImpl template, String file) {
        super(template);
        this.file = file;
        Map<String, Type> top = new HashMap<>();
        for (RecordComponent component : LetterFields.class.getRecordComponents()) {
            top.put(component.getName(), component.getGenericType());
        }
        scopes.push(top);
    }

    @Override
    public void visit(PrintNode node) {
        typeOf(node.getExpression(), node.getLineNumber());
    }

    @Override
    public void visit(IfNode node) {
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
        Type iterable = typeOf(node.getIterable(), node.getLineNumber());
        Map<String, Type> scope = new HashMap<>();
        scope.put(node.getIterationVariable(), elementOf(iterable));
        scope.put("loop", ANY);
        scopes.push(scope);
        node.getBody().accept(this);
        scopes.pop();
        if (node.getElseBody() != null) {
            node.getElseBody().accept(this);
        }
    }

    @Override
    public void visit(SetNode node) {
        Type value = typeOf(node.getValue(), node.getLineNumber());
        scopes.peek().put(node.getName(), value);
    }

    /** The static type of an expression, failing on an unknown field; {@link #ANY} where it cannot tell. */
    private Type typeOf(Expression<?> expression, int line) {
        if (expression instanceof ContextVariableExpression variable) {
            return variable(variable.getName(), lineOf(variable.getLineNumber(), line));
        }
        if (expression instanceof GetAttributeExpression attribute) {
            Type owner = typeOf(attribute.getNode(), line);
            arguments(attribute.getArgumentsNode(), line);
            if (attribute.getAttributeNameExpression() instanceof LiteralStringExpression name) {
                return field(owner, name.getValue(), attribute.getNode(), lineOf(attribute.getLineNumber(), line));
            }
            typeOf(attribute.getAttributeNameExpression(), line);
            return ANY;
        }
        if (expression instanceof BinaryExpression<?> binary) {
            typeOf(binary.getLeftExpression(), line);
            typeOf(binary.getRightExpression(), line);
            return ANY;
        }
        if (expression instanceof UnaryExpression unary) {
            typeOf(unary.getChildExpression(), line);
            return ANY;
        }
        if (expression instanceof TernaryExpression ternary) {
            typeOf(ternary.getExpression1(), line);
            typeOf(ternary.getExpression2(), line);
            typeOf(ternary.getExpression3(), line);
            return ANY;
        }
        if (expression instanceof FilterInvocationExpression filter) {
            arguments(filter.getArgs(), line);
            return ANY;
        }
        if (expression instanceof FunctionOrMacroInvocationExpression function) {
            arguments(function.getArguments(), line);
            return ANY;
        }
        return ANY;
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
        throw new BadTemplate(file, line, "unknown field '" + name + "': a letter has " + namesOf(LetterFields.class));
    }

    private Type field(Type owner, String name, Expression<?> of, int line) {
        if (!(owner instanceof Class<?> type) || !type.isRecord()) {
            if (owner == ANY || !(owner instanceof Class<?>)) {
                return ANY;
            }
            throw new BadTemplate(file, line, "'" + describe(of) + "' is a value and has no field '" + name + "'");
        }
        return Arrays.stream(type.getRecordComponents()).filter(c -> c.getName().equals(name)).findFirst()
                .map(RecordComponent::getGenericType)
                .orElseThrow(() -> new BadTemplate(file, line, "unknown field '" + describe(of) + "." + name + "': '"
                        + describe(of) + "' has " + namesOf(type)));
    }

    private static Type elementOf(Type iterable) {
        if (iterable instanceof ParameterizedType list && List.class.equals(list.getRawType())) {
            return list.getActualTypeArguments()[0];
        }
        return ANY;
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
        return "the value";
    }

    private int lineOf(int expressionLine, int nodeLine) {
        return expressionLine > 0 ? expressionLine : nodeLine;
    }
}
