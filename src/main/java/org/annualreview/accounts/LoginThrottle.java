package org.annualreview.accounts;

import java.time.Clock;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import org.annualreview.shared.Throttle;

/**
 * Slows down password guessing: at most {@link #PER_ACCOUNT} sign-ins to one account, and {@link #PER_ADDRESS} from
 * one network address, are checked within {@link #WINDOW} without one succeeding; further attempts are refused, the
 * right password too, until the window has passed since the last one counted. Each attempt takes its place in the
 * database before its password is checked, so parallel attempts and other nodes count against the same limit; one
 * that succeeds clears its account and gives its place back to its address.
 */
public final class LoginThrottle {

    public static final int PER_ACCOUNT = 5;
    public static final int PER_ADDRESS = 20;
    public static final Duration WINDOW = Duration.ofMinutes(15);

    private final Throttle throttle;

    public LoginThrottle(DataSource dataSource, Clock clock) {
        this.throttle = new Throttle(dataSource, clock, WINDOW);
    }

    /** Takes a place for one sign-in attempt: false (and nothing taken) if the account or the address has none left. */
    public boolean attempt(String username, String address) {
        return throttle.takeBoth(account(username), PER_ACCOUNT, address(address), PER_ADDRESS);
    }

    /** The attempt signed in: its account starts afresh and its address has its place back. */
    public void succeeded(String username, String address) {
        throttle.reset(account(username));
        throttle.giveBack(address(address));
    }

    /** A new password was set by an emailed link: whatever held the account back from signing in is forgotten. */
    public void cleared(String username) {
        throttle.reset(account(username));
    }

    private static String account(String username) {
        return "sign-in account:" + (username == null ? "" : username.strip().toLowerCase(Locale.UK));
    }

    private static String address(String address) {
        return "sign-in address:" + address;
    }
}
