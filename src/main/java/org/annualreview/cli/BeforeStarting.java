package org.annualreview.cli;

/**
 * What the command line knows of a command before the application (Spring and the database) starts: whether it needs
 * the application at all, whether it may make a database, and the checks of its options that come first
 * ({@link AnnualReviewCommand#runWithoutApplication}).
 */
final class BeforeStarting {

    /**
     * A command that runs without the application, as picocli alone: a group of commands named without one of them
     * (which prints its usage), or a command whose options say it needs no records.
     */
    interface RunsWithoutDatabase {
        default boolean runsWithoutDatabase() {
            return true;
        }
    }

    /** A command that works on the records already kept: it never makes a database, and says so when there is none. */
    interface NeedsExistingDatabase {
    }

    /**
     * A command whose options are checked together before anything starts, and again just before it runs (with the
     * application): {@code checkUsage} throws a ParameterException, a usage error, and may keep what it parsed for the run.
     */
    interface ChecksUsage {
        void checkUsage();
    }

    private BeforeStarting() {
    }
}
