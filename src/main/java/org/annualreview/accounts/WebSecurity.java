package org.annualreview.accounts;

import java.io.IOException;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Who may reach the workspace: sign-in with a form (CSRF-protected, throttled), a session, and a role for each
 * part. The public site is outside this chain: it has no accounts and nothing of it depends on one.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class WebSecurity {

    /** The paths this chain guards; everything else is the public site. */
    public static final String[] PATHS = {"/workspace", "/workspace/**", "/login", "/logout"};

    @Bean
    SecurityFilterChain workspace(HttpSecurity http, LoginThrottle throttle, Accounts accounts) throws Exception {
        http.securityMatcher(PATHS)
                .authorizeHttpRequests(requests -> requests
                        // a link emailed to set a new password is opened signed out
                        .requestMatchers("/login", "/workspace/password-reset/*").permitAll()
                        .requestMatchers("/workspace/accounts", "/workspace/accounts/**", "/workspace/audit", "/workspace/audit/**",
                                "/workspace/years/*/publication", "/workspace/years/*/publication/**").hasAuthority(Role.ADMINISTRATOR.authority())
                        // the register itself (organisations, populations) is the administrators' to change; analysts read it
                        .requestMatchers(HttpMethod.POST, "/workspace/records/organisations/**", "/workspace/records/populations/**")
                        .hasAuthority(Role.ADMINISTRATOR.authority())
                        .requestMatchers("/workspace/imports", "/workspace/imports/**", "/workspace/years/**", "/workspace/registrations",
                                "/workspace/registrations/**", "/workspace/records", "/workspace/records/**", "/workspace/jobs/**")
                        .hasAnyAuthority(Role.ANALYST.authority(), Role.ADMINISTRATOR.authority())
                        .anyRequest().authenticated())
                .formLogin(form -> form.loginPage("/login").defaultSuccessUrl("/workspace", true)
                        .successHandler((request, response, authentication) -> {
                            throttle.succeeded(authentication.getName(), request.getRemoteAddr());
                            response.sendRedirect("/workspace");
                        })
                        .failureHandler((request, response, exception) -> response.sendRedirect("/login?error")))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signed-out"))
                .addFilterBefore(new Throttled(throttle), UsernamePasswordAuthenticationFilter.class)
                .headers(SecurityHeaders::configure);
        return http.build();
    }

    /**
     * The public site's answers (and anything else served) carry the same security headers as the workspace's: the
     * filter stands first, for every dispatch, errors included.
     */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> securityHeaders() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(SecurityHeaders.filter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        registration.setDispatcherTypes(DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.ASYNC, DispatcherType.FORWARD);
        return registration;
    }

    @Bean
    UserDetailsService accountsSigningIn(Accounts accounts) {
        return username -> accounts.find(username).filter(Account::enabled)
                .flatMap(account -> accounts.passwordHash(account.username()).map(hash -> User.withUsername(account.username())
                        .password(hash).authorities(account.role().authority()).build()))
                .orElseThrow(() -> new UsernameNotFoundException("no account"));
    }

    /**
     * Takes a place for each sign-in attempt before its password is checked, and refuses it while its account or address
     * has none left (a failed attempt keeps its place: it is what the limit counts).
     */
    static final class Throttled extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        Throttled(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())
                    && !throttle.attempt(request.getParameter("username"), request.getRemoteAddr())) {
                response.sendRedirect("/login?throttled");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
