package org.annualreview.workspace;

import static org.annualreview.testing.ServedWorkspace.ADMINISTRATOR;
import static org.annualreview.testing.ServedWorkspace.ANALYST;
import static org.annualreview.testing.ServedWorkspace.COUNCIL;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.annualreview.testing.ServedWorkspace;
import org.annualreview.testing.Visitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RestController;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * Security as architecture: every route the application maps is found by reflection, so that a route added without
 * a rule cannot slip through. Each workspace route is tried, over the real server, by the public, by a council user
 * and by an analyst, with a valid CSRF token so that only the role decides; the public site takes no form but the
 * monitoring officers' registration. The audience of each route is declared here, apart from WebSecurity's rules.
 */
class EveryRouteIT {

    /** Who a workspace route is for. */
    enum Audience { ADMINISTRATORS, STAFF, EVERY_ACCOUNT, ANYONE }

    record Route(RequestMethod method, String path) {
        /** The path with sample values for its variables: another council's code, a year with letters, a record type. */
        List<String> samples() {
            List<String> samples = new ArrayList<>();
            for (String type : path.contains("{type}") ? List.of("decisions", "organisations", "populations", "contacts") : List.of("")) {
                samples.add(path.replace("{type}", type).replace("{year}", "2023-24").replace("{code}", ServedWorkspace.LIVERPOOL)
                        .replaceAll("\\{id}", "1").replaceAll("\\{[a-z]+:([a-z]+)\\|[^}]*}", "$1"));
            }
            return samples;
        }
    }

    static Audience audienceOf(Route route, String sample) {
        String path = sample;
        if (path.equals("/login")) {
            return Audience.ANYONE;
        }
        if (path.startsWith("/workspace/accounts") || path.startsWith("/workspace/audit") || path.matches("/workspace/years/[^/]+/publication")
                || route.method() == RequestMethod.POST && path.matches("/workspace/records/(organisations|populations)/.*")) {
            return Audience.ADMINISTRATORS;
        }
        if (path.equals("/workspace") || path.equals("/workspace/letters") || path.startsWith("/workspace/organisations/")) {
            return Audience.EVERY_ACCOUNT;   // a council user only its own organisation's: tried with another council's code
        }
        return Audience.STAFF;
    }

    static List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.annualreview").stream()
                .filter(c -> c.isAnnotatedWith(RestController.class)).forEach(c -> {
                    for (Method method : c.reflect().getDeclaredMethods()) {
                        RequestMapping mapping = AnnotatedElementUtils.findMergedAnnotation(method, RequestMapping.class);
                        if (mapping != null) {
                            for (String path : mapping.path()) {
                                for (RequestMethod verb : mapping.method().length == 0 ? new RequestMethod[] {RequestMethod.GET} : mapping.method()) {
                                    routes.add(new Route(verb, path));
                                }
                            }
                        }
                    }
                });
        return routes;
    }

    static ServedWorkspace workspace;

    @BeforeAll
    static void serve() throws Exception {
        workspace = ServedWorkspace.start("h2");   // who may reach a route does not depend on the database
    }

    @AfterAll
    static void stop() throws Exception {
        workspace.close();
    }

    @Test
    void theRoutesAreFoundAndThePublicSiteTakesNoFormButTheRegistration() {
        List<Route> routes = routes();

        assertThat(routes).as("found by reflection").hasSizeGreaterThan(40)
                .contains(new Route(RequestMethod.POST, "/workspace/records/{type}/{mode:new|edit}"), new Route(RequestMethod.GET, "/councils/{code}"));
        assertThat(routes.stream().filter(r -> !r.path().startsWith("/workspace") && !r.path().equals("/login") && r.method() != RequestMethod.GET))
                .containsExactly(new Route(RequestMethod.POST, "/monitoring-officers/register"));
    }

    @Test
    void everyVariableOfAWorkspaceRouteHasASampleValue() {
        Pattern variable = Pattern.compile("\\{[^}]+}");
        for (Route route : workspaceRoutes()) {
            for (String sample : route.samples()) {
                Matcher left = variable.matcher(sample);
                assertThat(left.find()).as("a sample value for every variable of " + route.path() + ": name it in Route.samples").isFalse();
            }
        }
    }

    @Test
    void everyWorkspaceRouteSendsThePublicToSignIn() throws Exception {
        Visitor anyone = workspace.visitor();
        String csrf = Visitor.csrf(anyone.get("/login").body());
        for (Route route : workspaceRoutes()) {
            for (String path : route.samples()) {
                if (audienceOf(route, path) == Audience.ANYONE) {
                    continue;
                }
                HttpResponse<String> answer = tryRoute(anyone, route, path, csrf);
                assertThat(answer.statusCode()).as(route.method() + " " + path).isEqualTo(302);
                assertThat(Visitor.location(answer)).as(route.method() + " " + path).endsWith("/login");
            }
        }
    }

    @Test
    void aCouncilUserIsRefusedEveryStaffRouteAndFindsNothingOfAnotherCouncil() throws Exception {
        Visitor council = workspace.signedIn(COUNCIL);
        String csrf = Visitor.csrf(council.get("/workspace").body());
        int tried = 0;
        for (Route route : workspaceRoutes()) {
            for (String path : route.samples()) {
                Audience audience = audienceOf(route, path);
                HttpResponse<String> answer = tryRoute(council, route, path, csrf);
                if (audience == Audience.STAFF || audience == Audience.ADMINISTRATORS) {
                    assertThat(answer.statusCode()).as(route.method() + " " + path).isEqualTo(403);
                    tried++;
                } else if (path.startsWith("/workspace/organisations/")) {
                    assertThat(answer.statusCode()).as("another council's: " + path).isEqualTo(404);
                    assertThat(answer.body()).as(path).doesNotContain("Liverpool");
                }
            }
        }
        assertThat(tried).as("staff routes tried").isGreaterThan(25);
    }

    @Test
    void anAnalystIsRefusedEveryAdministratorsRoute() throws Exception {
        Visitor analyst = workspace.signedIn(ANALYST);
        String csrf = Visitor.csrf(analyst.get("/workspace").body());
        int tried = 0;
        for (Route route : workspaceRoutes()) {
            for (String path : route.samples()) {
                if (audienceOf(route, path) == Audience.ADMINISTRATORS) {
                    assertThat(tryRoute(analyst, route, path, csrf).statusCode()).as(route.method() + " " + path).isEqualTo(403);
                    tried++;
                }
            }
        }
        assertThat(tried).as("administrators' routes tried").isGreaterThan(8);
        Visitor administrator = workspace.signedIn(ADMINISTRATOR);
        assertThat(administrator.get("/workspace/audit").statusCode()).as("the same routes open to an administrator").isEqualTo(200);
        assertThat(administrator.get("/workspace/accounts").statusCode()).isEqualTo(200);
    }

    private static List<Route> workspaceRoutes() {
        return routes().stream().filter(r -> r.path().startsWith("/workspace") || r.path().equals("/login")).toList();
    }

    private static HttpResponse<String> tryRoute(Visitor visitor, Route route, String path, String csrf) throws Exception {
        return route.method() == RequestMethod.POST ? visitor.post(path, Map.of("_csrf", csrf)) : visitor.get(path);
    }

}
