package org.annualreview.accounts;

import java.util.Optional;

/** Someone who may sign in: an email address as user name, a role, and for a council user its organisation. */
public record Account(String username, String displayName, Role role, Optional<String> organisationCode, boolean enabled) {
}
