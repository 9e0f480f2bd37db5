package org.annualreview.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.annualreview.testing.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Threads taking a key's hits at the same moment, on H2 and PostgreSQL: exactly the limit is taken, never more and never
 * fewer, also when the key is new and its row is made by one of them while the others look for it.
 */
@ParameterizedClass(name = "on {0}")
@ValueSource(strings = {"h2", "postgresql"})
class ThrottleIT {

    @Parameter
    String databaseKind;

    TestDatabase database;
    Throttle throttle;

    @BeforeEach
    void start() {
        database = TestDatabase.start(databaseKind);
        throttle = new Throttle(database.dataSource(), Clock.systemUTC(), Duration.ofHours(1));
    }

    @AfterEach
    void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void twelveAtOnceOnANewKeyTakeExactlyItsLimitEveryTime() throws Exception {
        ExecutorService twelve = Executors.newFixedThreadPool(12);
        try {
            for (int round = 0; round < 30; round++) {
                String key = "new key " + round;
                CyclicBarrier together = new CyclicBarrier(12);
                List<Future<Boolean>> takes = new ArrayList<>();
                for (int i = 0; i < 12; i++) {
                    takes.add(twelve.submit(() -> {
                        together.await();
                        return throttle.take(key, 3);
                    }));
                }
                long taken = 0;
                for (Future<Boolean> take : takes) {
                    taken += take.get() ? 1 : 0;
                }
                assertThat(taken).as("round " + round).isEqualTo(3);
                assertThat(throttle.take(key, 3)).as("none left after").isFalse();
            }
        } finally {
            twelve.shutdownNow();
        }
    }
}
