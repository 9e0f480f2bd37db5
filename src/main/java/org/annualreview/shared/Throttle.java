package org.annualreview.shared;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * An allowance of hits per key within a window, counted in the database: a hit is taken only while the key has fewer
 * than its limit since the window began (a window that has passed since the last hit starts again), in one statement,
 * so that threads and nodes asking at once never pass the limit between them.
 */
public final class Throttle {

    private static final Duration FORGOTTEN = Duration.ofDays(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final Duration window;

    public Throttle(DataSource dataSource, Clock clock, Duration window) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.clock = clock;
        this.window = window;
    }

    /** Takes a hit of the key's allowance, if it has one left: true if taken, false if the limit is reached. */
    public boolean take(String key, int limit) {
        boolean rowWasThere = false;
        for (int attempt = 0; attempt < 4; attempt++) {
            Instant now = clock.instant();
            Timestamp windowStart = Timestamp.from(now.minus(window));
            int counted = jdbc.update("""
                    update throttle set hits = case when last_hit_at < ? then 1 else hits + 1 end, last_hit_at = ?
                    where throttle_key = ? and (hits < ? or last_hit_at < ?)""",
                    windowStart, Timestamp.from(now), key, limit, windowStart);
            if (counted == 1) {
                return true;
            }
            Integer exists = jdbc.queryForObject("select count(*) from throttle where throttle_key = ?", Integer.class, key);
            if (exists != null && exists > 0) {
                if (rowWasThere) {
                    return false;   // the key's row was there for this update, which found no hit left
                }
                // the row may have been made by another thread after this update looked for it (its first hit): ask again
                rowWasThere = true;
                continue;
            }
            if (limit < 1) {
                return false;
            }
            try {
                jdbc.update("insert into throttle (throttle_key, hits, last_hit_at) values (?, 1, ?)", key, Timestamp.from(now));
                // a new key is where the table grows: keys untouched for a day (longer than any window) start again from
                // nothing anyway, so they go
                jdbc.update("delete from throttle where last_hit_at < ?", Timestamp.from(now.minus(window.compareTo(FORGOTTEN) > 0 ? window : FORGOTTEN)));
                return true;
            } catch (DuplicateKeyException another) {
                // another thread or node counted the key's first hit at the same moment: count against its row
            }
        }
        return false;
    }

    /**
     * Takes a hit of two keys' allowances (an account and the network address asking, say), or of neither: false, and
     * nothing kept, if either has none left.
     */
    public boolean takeBoth(String key, int limit, String other, int otherLimit) {
        if (!take(key, limit)) {
            return false;
        }
        if (!take(other, otherLimit)) {
            giveBack(key);
            return false;
        }
        return true;
    }

    /** Gives back a hit taken (a request that turned out not to count, such as a sign-in that succeeded). */
    public void giveBack(String key) {
        jdbc.update("update throttle set hits = hits - 1 where throttle_key = ? and hits > 0", key);
    }

    /** Forgets the key's hits. */
    public void reset(String key) {
        jdbc.update("delete from throttle where throttle_key = ?", key);
    }
}
