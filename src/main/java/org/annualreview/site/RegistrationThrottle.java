package org.annualreview.site;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Keeps the public registration form from being used to send email to anyone, again and again: each request sends
 * a confirmation to the address typed, so at most {@link #PER_EMAIL} go to one address and {@link #PER_ADDRESS}
 * come from one network address within {@link #WINDOW}.
 */
final class RegistrationThrottle {

    static final int PER_EMAIL = 3;
    static final int PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    private final Cache<String, AtomicInteger> sent;

    RegistrationThrottle(Clock clock) {
        this.sent = Caffeine.newBuilder().ticker(() -> clock.millis() * 1_000_000).expireAfterWrite(WINDOW).maximumSize(100_000).build();
    }

    boolean refuses(String email, String address) {
        return count("email:" + key(email)) >= PER_EMAIL || count("address:" + address) >= PER_ADDRESS;
    }

    /** Counts a request that sent its confirmation. */
    void sent(String email, String address) {
        sent.asMap().compute("email:" + key(email), (k, n) -> increment(n));
        sent.asMap().compute("address:" + address, (k, n) -> increment(n));
    }

    private static AtomicInteger increment(AtomicInteger n) {
        AtomicInteger counted = n == null ? new AtomicInteger() : n;
        counted.incrementAndGet();
        return counted;
    }

    private int count(String key) {
        AtomicInteger n = sent.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static String key(String email) {
        return email == null ? "" : email.strip().toLowerCase(Locale.UK);
    }
}
