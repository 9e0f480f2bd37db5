package org.annualreview.workspace;

import java.security.Principal;

import org.annualreview.accounts.Account;
import org.annualreview.accounts.Accounts;
import org.annualreview.accounts.Role;
import org.annualreview.letters.Letters;

/** The account signed in, as the workspace's rules read it on each request (from the database, not the session). */
final class SignedIn {

    private SignedIn() {
    }

    /** Its role now; an account gone since sign-in has no more rights than a council user (and is signed out next). */
    static Role role(Accounts accounts, Principal principal) {
        return accounts.find(principal.getName()).map(Account::role).orElse(Role.COUNCIL);
    }

    /** As the letters see who loads a template or sets a publication date. */
    static Letters.Actor actor(Accounts accounts, Principal principal) {
        return new Letters.Actor(principal.getName(), role(accounts, principal).setsPublicationDates());
    }
}
