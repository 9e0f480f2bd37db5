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

    /**
     * The organisation's code, as the addresses of its letters, figures and case lists name it, if the account may see
     * them: staff any organisation's, a council user only its own (an account gone since sign-in none).
     */
    static java.util.Optional<String> organisation(Accounts accounts, Principal principal, String code) {
        String wanted = code.toUpperCase(java.util.Locale.UK);
        return accounts.find(principal.getName()).filter(account -> account.role() != Role.COUNCIL
                || account.organisationCode().filter(wanted::equalsIgnoreCase).isPresent()).map(account -> wanted);
    }

    /** As the letters see who loads a template or sets a publication date. */
    static Letters.Actor actor(Accounts accounts, Principal principal) {
        return new Letters.Actor(principal.getName(), role(accounts, principal).setsPublicationDates());
    }
}
