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
                        .replace("{token}", "A".repeat(43))
                        .replace("{statistic}", "upheld")
                        .replaceAll("\\{id}", "1").replaceAll("\\{[a-z]+:([a-z]+)\\|[^}]*}", "$1"));
            }
            return samples;
        }
    }

    static Audience audienceOf(Route route, String sample) {
        String path = sample;
        if (path.equals("/login") || path.startsWith("/workspace/password-reset/")) {
            return Audience.ANYONE;   // signing in, and the emailed link to set a new password
        }
        if (path.startsWith("/workspace/accounts") || path.startsWith("/workspace/audit") || path.matches("/workspace/years/[^/]+/publication(/.*)?")
                || route.method() == RequestMethod.POST && path.matches("/workspace/records/(organisations|populations)/.*")) {
            return Audience.ADMINISTRATORS;
        }
        if (path.equals("/workspace") || path.equals("/workspace/letters") || path.startsWith("/workspace/organisations/")
                || path.equals("/workspace/password")) {
            // a council user only its own organisation's (letters, figures, case lists): tried with another council's code
            return Audience.EVERY_ACCOUNT;
        }
        return Audience.STAFF;
    }

    /** A council's case lists (never public): its own for a council user, any council's for staff. */
    static final List<Route> CASE_LISTS = List.of(new Route(RequestMethod.GET, "/workspace/organisations/{code}/case-lists/{year}.xlsx"),
            new Route(RequestMethod.GET, "/workspace/organisations/{code}/case-lists/{year}/{list:received|decisions|compliance|recommendations}.csv"));

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
                .contains(new Route(RequestMethod.POST, "/workspace/records/{type}/{mode:new|edit}"), new Route(RequestMethod.GET, "/councils/{code}"))
                .contains(CASE_LISTS.toArray(Route[]::new));
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

    /**
     * What every account may reach, an organisation's letters, figures and case lists: staff any council's (tried with
     * another council's code than the council user's), a council user its own.
     */
    @Test
    void staffReachEveryOrganisationsPagesAndFilesOfAnyCouncilAndACouncilUserItsOwn() throws Exception {
        int tried = 0;
        for (String who : List.of(ANALYST, ADMINISTRATOR, COUNCIL)) {
            Visitor visitor = workspace.signedIn(who);
            for (Route route : workspaceRoutes()) {
                for (String path : route.samples()) {
                    if (route.method() == RequestMethod.GET && path.startsWith("/workspace/organisations/")) {
                        String mine = who.equals(COUNCIL) ? path.replace(ServedWorkspace.LIVERPOOL, ServedWorkspace.KNOWSLEY) : path;
                        assertThat(visitor.getBytes(mine).statusCode()).as(who + " GET " + mine).isEqualTo(200);
                        tried++;
                    }
                }
            }
        }
        assertThat(tried).as("the organisations' routes, case lists among them, for three roles").isGreaterThanOrEqualTo(3 * 5);
        for (Route route : CASE_LISTS) {
            assertThat(audienceOf(route, route.samples().get(0))).as(route.path()).isEqualTo(Audience.EVERY_ACCOUNT);
        }
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

    /**
     * Who may change each record type, declared here apart from {@code Role.mayChange}: the register (organisations and
     * populations) is the administrators'; every other record the staff's. Each sample file of each type is uploaded by
     * each role, changed where the sample allows a change the import accepts, as a CSV and as a sheet of a workbook.
     */
    static Audience writersOf(org.annualreview.imports.RecordType type) {
        return type == org.annualreview.imports.RecordType.ORGANISATIONS || type == org.annualreview.imports.RecordType.POPULATIONS
                ? Audience.ADMINISTRATORS : Audience.STAFF;
    }

    /** A sample file of the type with one value changed, or unchanged where no change is known to be valid. */
    static String changedSample(org.annualreview.imports.RecordType type) throws Exception {
        String sample = java.nio.file.Files.readString(java.nio.file.Path.of("docs/samples", type.fileName() + ".csv"));
        return switch (type) {
            case ORGANISATIONS -> sample.replace("Knowsley Metropolitan Borough Council", "Knowsley Matrix Council");
            case POPULATIONS -> sample.replace("154517", "154999");
            case CONTACTS -> sample.replace("Dear Mr Sample", "Dear Alex Sample");
            case SERVICE_IMPROVEMENTS -> sample.replace("Remind care assessors", "Remind all care assessors");
            case TRAINING_TOTALS -> sample.replace("2023-24,126,1700", "2023-24,127,1700");
            default -> sample;
        };
    }

    @Test
    void everyRecordTypeUploadedByEveryRoleIsChangedOnlyByThoseItIsFor() throws Exception {
        int refused = 0;
        for (String who : List.of(ANALYST, ADMINISTRATOR, COUNCIL)) {
            Visitor visitor = workspace.signedIn(who);
            String csrf = Visitor.csrf(visitor.get("/workspace").body());
            for (org.annualreview.imports.RecordType type : org.annualreview.imports.RecordType.values()) {
                java.nio.file.Path sampleFile = java.nio.file.Path.of("docs/samples", type.fileName() + ".csv");
                if (!java.nio.file.Files.exists(sampleFile)) {
                    continue;
                }
                String original = java.nio.file.Files.readString(sampleFile);
                String changed = changedSample(type);
                boolean changes = !changed.equals(original);
                Audience writers = writersOf(type);
                boolean allowed = who.equals(ADMINISTRATOR) || who.equals(ANALYST) && writers == Audience.STAFF;
                HttpResponse<String> answer = visitor.upload("/workspace/imports", csrf, Map.of(type.fileName() + ".csv", changed));
                String what = who + " uploading " + type.fileName() + (changes ? " changed" : " unchanged");
                if (who.equals(COUNCIL)) {
                    assertThat(answer.statusCode()).as(what).isEqualTo(403);
                } else if (allowed || !changes) {
                    assertThat(answer.statusCode()).as(what + ": " + answer.body()).isEqualTo(200);
                    if (changes) {   // put back for the next role
                        assertThat(visitor.upload("/workspace/imports", csrf, Map.of(type.fileName() + ".csv", original)).statusCode()).isEqualTo(200);
                    }
                } else {
                    assertThat(answer.statusCode()).as(what).isEqualTo(403);
                    refused++;
                }
                if (!allowed && changes && !who.equals(COUNCIL)) {
                    HttpResponse<String> sheet = visitor.uploadBytes("/workspace/imports", csrf, Map.of("records.xlsx", workbookWith(type, changed)));
                    assertThat(sheet.statusCode()).as(what + " as a sheet of a workbook").isEqualTo(403);
                    refused++;
                }
            }
        }
        assertThat(refused).as("the register's two types, as CSV and as a sheet, refused to an analyst").isEqualTo(4);
        try (java.sql.Connection c = workspace.connection(); java.sql.Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery("select name from organisation where code = '" + ServedWorkspace.KNOWSLEY + "'")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("Knowsley Metropolitan Borough Council");
        }
    }

    /** The sample workbook with the sheet of one type holding the CSV given instead. */
    static byte[] workbookWith(org.annualreview.imports.RecordType type, String csv) throws Exception {
        try (var in = java.nio.file.Files.newInputStream(java.nio.file.Path.of("docs/samples/records.xlsx"));
                var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
            int index = workbook.getSheetIndex(type.fileName());
            assertThat(index).as("a sheet " + type.fileName()).isNotNegative();
            workbook.removeSheetAt(index);
            var sheet = workbook.createSheet(type.fileName());
            String[] lines = csv.strip().split("\n");
            for (int r = 0; r < lines.length; r++) {
                var row = sheet.createRow(r);
                List<String> cells = parseCsvLine(lines[r]);
                for (int c = 0; c < cells.size(); c++) {
                    row.createCell(c).setCellValue(cells.get(c));
                }
            }
            var out = new java.io.ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> parseCsvLine(String line) throws Exception {
        try (var reader = de.siegmar.fastcsv.reader.CsvReader.builder().ofCsvRecord(line)) {
            return reader.stream().findFirst().orElseThrow().getFields();
        }
    }

    /**
     * Every setting of a template, changed by an analyst and by an administrator: the publication date is the
     * administrators' alone; the rest of the settings and the wording are the analysts' too.
     */
    @Test
    void everyTemplateSettingChangedByEachRoleIsKeptOnlyWhereItIsTheirs() throws Exception {
        Map<String, String[]> changes = new java.util.LinkedHashMap<>();
        changes.put("publication-date", new String[] {"publication-date: 2099-07-24", "publication-date: 2099-07-30"});
        changes.put("letter-date", new String[] {"letter-date: 17 July", "letter-date: 18 July"});
        changes.put("banner", new String[] {"banner: 50 years 1974 - 2024", "banner: Fifty years"});
        changes.put("signatory", new String[] {"signatory: Amerdeep Somal", "signatory: A N Other"});
        changes.put("late-enquiries-threshold", new String[] {"late-enquiries-threshold: 25", "late-enquiries-threshold: 30"});
        changes.put("wording", new String[] {"", ""});
        for (String who : List.of(ANALYST, ADMINISTRATOR)) {
            Visitor visitor = workspace.signedIn(who);
            for (Map.Entry<String, String[]> change : changes.entrySet()) {
                String page = visitor.get("/workspace/years/2023-24/template").body();
                String source = org.jsoup.Jsoup.parse(page).selectFirst("textarea[name=source]").wholeText();
                assertThat(source).as("the template holds " + change.getValue()[0]).contains(change.getValue()[0]);
                String edited = change.getKey().equals("wording") ? source + "\nA line of wording of our own.\n"
                        : source.replace(change.getValue()[0], change.getValue()[1]);
                HttpResponse<String> answer = visitor.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(page), "source", edited,
                        "organisation", ""));
                boolean allowed = who.equals(ADMINISTRATOR) || !change.getKey().equals("publication-date");
                assertThat(answer.statusCode()).as(who + " changing " + change.getKey()).isEqualTo(allowed ? 303 : 403);
                if (allowed) {   // put back
                    String again = visitor.get("/workspace/years/2023-24/template").body();
                    assertThat(visitor.post("/workspace/years/2023-24/template", Map.of("_csrf", Visitor.csrf(again), "source", source, "organisation", ""))
                            .statusCode()).isEqualTo(303);
                }
            }
        }
    }

    private static List<Route> workspaceRoutes() {
        return routes().stream().filter(r -> r.path().startsWith("/workspace") || r.path().equals("/login")).toList();
    }

    private static HttpResponse<String> tryRoute(Visitor visitor, Route route, String path, String csrf) throws Exception {
        return route.method() == RequestMethod.POST ? visitor.post(path, Map.of("_csrf", csrf)) : visitor.get(path);
    }

}
