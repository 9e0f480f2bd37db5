package org.annualreview.testing;

import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The workspace tests' base: each test class runs once on H2 and once on PostgreSQL, against a {@link ServedWorkspace}
 * started for that run and stopped after it.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
public abstract class OnEachDatabase {

    @Parameter
    protected String databaseKind;

    protected static ServedWorkspace workspace;

    @BeforeParameterizedClassInvocation
    static void serve(String kind) throws Exception {
        workspace = ServedWorkspace.start(kind);
    }

    @AfterParameterizedClassInvocation
    static void stop() throws Exception {
        if (workspace != null) {
            workspace.close();
            workspace = null;
        }
    }
}
