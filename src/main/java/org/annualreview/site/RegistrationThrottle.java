package org.annualreview.site;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.annualreview.shared.Throttle;

/**
 * Keeps the public registration form from being used to send email to anyone, again and again: each request sends
 * a confirmation to the address typed, so at most {@link #PER_EMAIL} go to one address and {@link #PER_ADDRESS}
 * come from one network address within {@link #WINDOW}. A request takes its place in the database before its
 * confirmation is sent, so parallel requests and other nodes count against the same limit.
 */
final class RegistrationThrottle {

    static final int PER_EMAIL = 3;
    static final int PER_ADDRESS = 10;
    static final Duration WINDOW = Duration.ofHours(1);

    private final Throttle throttle;

    RegistrationThrottle(DataSource dataSource, Clock clock) {
        this.throttle = new Throttle(dataSource, clock, WINDOW);
    }

    /** Takes a place for one request: false (and nothing taken) if the email address or the network address has none left. */
    boolean take(String email, String address) {
        return throttle.takeBoth(email(email), PER_EMAIL, address(address), PER_ADDRESS);
    }

    /** A request that sent nothing (refused for what it said) gives its places back. */
    void giveBack(String email, String address) {
        throttle.giveBack(email(email));
        throttle.giveBack(address(address));
    }

    private static String email(String email) {
        return "registration email:" + (email == null ? "" : email.strip().toLowerCase(Locale.UK));
    }

    private static String address(String address) {
        return "registration address:" + address;
    }
}
