package org.annualreview.workspace;

import java.io.IOException;
import java.security.Principal;

import org.annualreview.accounts.Account;
import org.annualreview.accounts.Accounts;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

/**
 * An account disabled while its holder is signed in is signed out at their next request: the session ends and
 * they are sent to sign in, which a disabled account cannot.
 */
@Component
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
final class DisabledAccountsSignedOut extends OncePerRequestFilter {

    private final Accounts accounts;

    DisabledAccountsSignedOut(Accounts accounts) {
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
        if (principal != null && accounts.find(principal.getName()).filter(Account::enabled).isEmpty()) {
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
}
