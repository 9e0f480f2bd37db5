package org.annualreview.site;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.annualreview.distribution.Registrations;
import org.annualreview.organisations.Organisation;
import org.annualreview.organisations.Organisations;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The public form on which a monitoring officer asks to receive their council's letter, and the link that confirms it. */
@RestController
public final class RegistrationPages {

    private final Registrations registrations;
    private final Organisations organisations;
    private final RegistrationThrottle throttle;
    private final SiteAddress address;
    private final Pages pages = new Pages();

    public RegistrationPages(Registrations registrations, Organisations organisations, javax.sql.DataSource dataSource, java.time.Clock clock,
            SiteAddress address) {
        this.address = address;
        this.registrations = registrations;
        this.organisations = organisations;
        this.throttle = new RegistrationThrottle(dataSource, clock);
    }

    @GetMapping("/monitoring-officers/register")
    public ResponseEntity<String> form() {
        return pages.page("register", model("", "", "", "", List.of()));
    }

    @PostMapping("/monitoring-officers/register")
    public ResponseEntity<String> register(jakarta.servlet.http.HttpServletRequest request,
            @RequestParam(name = "council", defaultValue = "") String council,
            @RequestParam(name = "name", defaultValue = "") String name, @RequestParam(name = "email", defaultValue = "") String email,
            @RequestParam(name = "job-title", defaultValue = "") String jobTitle) {
        if (!throttle.take(email, request.getRemoteAddr())) {
            List<Map<String, String>> errors = List.of(Map.of("field", "email", "message", "Too many requests to receive the letter have been"
                    + " made for this email address or from this network. Try again in an hour."));
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS).contentType(Pages.HTML)
                    .body(pages.render("register", model(council, name, email, jobTitle, errors)));
        }
        try {
            registrations.request(council, name, email, jobTitle, address.absolute("/monitoring-officers/confirm?token="));
        } catch (Registrations.Refused refused) {
            throttle.giveBack(email, request.getRemoteAddr());
            List<Map<String, String>> errors = refused.problems().stream().map(p -> Map.of("field", p[0], "message", p[1])).toList();
            return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(Pages.HTML)
                    .body(pages.render("register", model(council, name, email, jobTitle, errors)));
        }
        Map<String, Object> model = Pages.base("Check your email");
        model.put("email", email.strip());
        return pages.page("registered", model);
    }

    @GetMapping("/monitoring-officers/confirm")
    public ResponseEntity<String> confirm(@RequestParam(name = "token", defaultValue = "") String token) {
        return registrations.confirm(token).map(r -> {
            Map<String, Object> model = Pages.base("Email address confirmed");
            model.put("council", organisations.byCode(r.organisationCode()).map(Organisation::name).orElse(r.organisationCode()));
            return pages.page("confirmed", model);
        }).orElseGet(pages::notFound);
    }

    private Map<String, Object> model(String council, String name, String email, String jobTitle, List<Map<String, String>> errors) {
        Map<String, Object> model = Pages.base("Receive your council's Annual Review letter");
        model.put("councils", organisations.all().stream().filter(o -> o.kind().hasTypeAverage()).sorted(Comparator.comparing(Organisation::name))
                .map(o -> Map.of("code", o.code(), "name", o.name())).toList());
        model.put("council", council);
        model.put("name", name);
        model.put("email", email);
        model.put("jobTitle", jobTitle);
        model.put("errors", errors);
        Map<String, String> byField = new LinkedHashMap<>();
        errors.forEach(e -> byField.put(e.get("field"), e.get("message")));
        model.put("fieldErrors", byField);
        return model;
    }
}
