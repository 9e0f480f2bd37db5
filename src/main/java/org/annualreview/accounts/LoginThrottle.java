package org.annualreview.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Slows down password guessing: after {@link #PER_ACCOUNT} failed sign-ins to one account, or {@link #PER_ADDRESS}
 * from one network address, within {@link #WINDOW}, further attempts are refused, the right password too, until
 * the window has passed since the last failure.
 */
public final class LoginThrottle {

    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Cache<String, AtomicInteger> failures;

    public LoginThrottle(Clock clock) {
        this.failures = Caffeine.newBuilder().ticker(() -> clock.millis() * 1_000_000).expireAfterWrite(WINDOW).maximumSize(100_000).build();
    }

    public boolean refuses(String username, String address) {
        return count("account:" + key(username)) >= PER_ACCOUNT || count("address:" + address) >= PER_ADDRESS;
    }

    public void failed(String username, String address) {
        bump("account:" + key(username));
        bump("address:" + address);
    }

    public void succeeded(String username) {
        failures.invalidate("account:" + key(username));
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    /** Counts a failure and restarts the key's window. */
    private void bump(String key) {
        failures.asMap().compute(key, (k, n) -> {
            AtomicInteger counted = n == null ? new AtomicInteger() : n;
            counted.incrementAndGet();
            return counted;
        });
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.UK);
    }
}
