package org.annualreview.workspace;

import java.io.IOException;
import java.security.Principal;
import java.util.List;

import org.annualreview.accounts.Account;
import org.annualreview.accounts.Accounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * An account disabled, or given another role, while its holder is signed in is signed out at their next request, on
 * whichever node serves it: the session ends and they are sent to sign in, which a disabled account cannot, and where
 * the new role is what their new session holds. The account is read from the database on every request.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class ChangedAccountsSignedOut extends OncePerRequestFilter {

    private final Accounts accounts;

    ChangedAccountsSignedOut(Accounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/workspace");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Principal principal = request.getUserPrincipal();
        if (principal != null && accounts.find(principal.getName()).filter(Account::enabled)
                .filter(account -> holdsRole(account.role().authority())).isEmpty()) {
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.invalidate();
            }
            SecurityContextHolder.clearContext();
            response.sendRedirect("/login");
            return;
        }
        chain.doFilter(request, response);
    }

    /** Whether the session was signed in with the role the account has now. */
    private static boolean holdsRole(String authority) {
        Authentication signedIn = SecurityContextHolder.getContext().getAuthentication();
        return signedIn != null && signedIn.getAuthorities().stream().map(GrantedAuthority::getAuthority).filter(a -> a.startsWith("ROLE_"))
                .toList().equals(List.of(authority));
    }
}
