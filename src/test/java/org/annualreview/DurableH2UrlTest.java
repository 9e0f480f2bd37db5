package org.annualreview;

import static org.assertj.core.api.Assertions.assertThat;

import org.annualreview.cli.AnnualReviewCommand;
import org.junit.jupiter.api.Test;

/** An H2 file database is opened with each commit written at once; other databases, and a URL that says otherwise, are left as given. */
class DurableH2UrlTest {

    @Test
    void anH2FileDatabaseWritesEachCommitWhenItIsMade() {
        assertThat(AnnualReviewApplication.Settings.durable(AnnualReviewCommand.DEFAULT_DATABASE_URL))
                .isEqualTo("jdbc:h2:file:./data/annual-review;AUTO_SERVER=TRUE;WRITE_DELAY=0");
        assertThat(AnnualReviewApplication.Settings.durable("jdbc:h2:file:/tmp/x")).isEqualTo("jdbc:h2:file:/tmp/x;WRITE_DELAY=0");
    }

    @Test
    void otherDatabasesAndAUrlWithItsOwnWriteDelayAreLeftAsGiven() {
        assertThat(AnnualReviewApplication.Settings.durable("jdbc:postgresql://127.0.0.1:5432/annual_review"))
                .isEqualTo("jdbc:postgresql://127.0.0.1:5432/annual_review");
        assertThat(AnnualReviewApplication.Settings.durable("jdbc:h2:mem:test")).isEqualTo("jdbc:h2:mem:test");
        assertThat(AnnualReviewApplication.Settings.durable("jdbc:h2:file:/tmp/x;write_delay=500")).isEqualTo("jdbc:h2:file:/tmp/x;write_delay=500");
    }
}
