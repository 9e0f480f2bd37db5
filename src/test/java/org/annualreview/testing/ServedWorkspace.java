package org.annualreview.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.annualreview.AnnualReviewApplication;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/**
 * The workspace as staff and councils reach it, for tests: a database (H2 file or PostgreSQL) holding the
 * sample records of docs/samples, 2023-24's letters written from our template but published only in 2099, one account
 * per role (added with `users add`), a GreenMail SMTP server, and `serve` running over them.
 */
public final class ServedWorkspace implements AutoCloseable {

    public static final String PASSWORD = "correct horse battery";
    public static final String ADMINISTRATOR = "ann.admin@ombudsman.example";
    public static final String ANALYST = "alex.analyst@ombudsman.example";
    public static final String COUNCIL = "kit@knowsley.example";
    public static final String KNOWSLEY = "E08000011";
    public static final String LIVERPOOL = "E08000012";

    /** What a command run with the workspace's database said, and its exit code. */
    public record Run(int exitCode, String out, String err) {
    }

    public final Path directory;
    public final String databaseUrl;
    public final GreenMail smtp;
    private final TestDatabase postgres;
    private final ServedSite server;

    private ServedWorkspace(Path directory, String databaseUrl, TestDatabase postgres, GreenMail smtp, ServedSite server) {
        this.directory = directory;
        this.databaseUrl = databaseUrl;
        this.postgres = postgres;
        this.smtp = smtp;
        this.server = server;
    }

    /** On "h2" or "postgresql". */
    public static ServedWorkspace start(String kind) throws Exception {
        return start(kind, java.util.Map.of());
    }

    /** The same, its node started with the settings given besides its mail server's. */
    public static ServedWorkspace start(String kind, java.util.Map<String, String> settings) throws Exception {
        Path directory = Files.createTempDirectory("workspace-it");
        TestDatabase postgres = null;
        String databaseUrl;
        if (kind.equals("postgresql")) {
            Prepared prepared = preparedPostgres();
            postgres = TestDatabase.postgresCopyOf(prepared.database());
            databaseUrl = postgres.url();
            copy(prepared.files(), directory);
        } else {
            copy(preparedH2(), directory);
            databaseUrl = h2Url(directory);
        }
        int smtpPort = ServedSite.freePort();
        GreenMail smtp = new GreenMail(new ServerSetup(smtpPort, "127.0.0.1", "smtp"));
        smtp.start();
        java.util.Map<String, String> all = new java.util.HashMap<>(ServedSite.mailTo(smtpPort));
        all.putAll(settings);
        return new ServedWorkspace(directory, databaseUrl, postgres, smtp, ServedSite.start(databaseUrl, all));
    }

    /*
     * What every workspace starts from is made once in a test JVM for each kind of database, by the commands an operator
     * would run (prepare), and copied for each workspace: a PostgreSQL database copied as a template, an H2 file copied
     * with the files beside it. Six starts of the application a workspace (about 3 s) became one copy.
     */
    private static Path preparedH2;
    private static Prepared preparedPostgres;

    /** A prepared PostgreSQL database, by its name on the test server, and the files beside it (password, template, letters). */
    private record Prepared(String database, Path files) {
    }

    private static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.resolve("db/annual-review").toAbsolutePath();
    }

    private static synchronized Path preparedH2() throws Exception {
        if (preparedH2 == null) {
            Path directory = Files.createTempDirectory("workspace-prepared-h2");
            prepare(directory, h2Url(directory));
            preparedH2 = directory;
        }
        return preparedH2;
    }

    private static synchronized Prepared preparedPostgres() throws Exception {
        if (preparedPostgres == null) {
            Path directory = Files.createTempDirectory("workspace-prepared-postgresql");
            TestDatabase database = TestDatabase.postgres();
            prepare(directory, database.url());
            Runtime.getRuntime().addShutdownHook(new Thread(database::close, "drop-prepared-workspace"));
            preparedPostgres = new Prepared(database.name(), directory);
        }
        return preparedPostgres;
    }

    /**
     * The sample records of docs/samples imported, 2023-24's template loaded (published only in 2099) and its letters
     * written as PDF, and one account for each role, into the database at the URL, with the files in the directory.
     */
    private static void prepare(Path directory, String databaseUrl) throws Exception {
        Path passwordFile = Files.writeString(directory.resolve("password.txt"), PASSWORD + "\n");
        List<String> importing = new ArrayList<>(List.of("import"));
        try (var files = Files.list(Path.of("docs/samples"))) {
            importing.addAll(files.map(Path::toString).filter(f -> f.endsWith(".csv")).sorted().toList());
        }
        expectSuccess(run(databaseUrl, importing.toArray(String[]::new)));
        Path template = Files.writeString(directory.resolve("2023-24.md"), Files.readString(Path.of("templates/2023-24.md"))
                .replace("publication-date: 24 July", "publication-date: 2099-07-24"));
        expectSuccess(run(databaseUrl, "templates", "load", "--year", "2023-24", template.toString()));
        expectSuccess(run(databaseUrl, "letters", "--year", "2023-24", "--format", "pdf", "--out", directory.resolve("letters").toString()));
        for (List<String> account : List.of(List.of(ADMINISTRATOR, "Ann Admin", "administrator"), List.of(ANALYST, "Alex Analyst", "analyst"),
                List.of(COUNCIL, "Kit Council", "council", "--organisation", "Knowsley"))) {
            List<String> args = new ArrayList<>(List.of("users", "add", "--username", account.get(0), "--name", account.get(1),
                    "--role", account.get(2), "--password-file", passwordFile.toString()));
            args.addAll(account.subList(3, account.size()));
            expectSuccess(run(databaseUrl, args.toArray(String[]::new)));
        }
    }

    /** Copies the prepared folder's files (an H2 database's among them) into the new one. */
    private static void copy(Path from, Path to) throws java.io.IOException {
        try (var paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                if (Files.isDirectory(path)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(path, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void expectSuccess(Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
    }

    /** http://localhost:PORT */
    public String address() {
        return server.address();
    }

    /** A new visitor with cookies of its own. */
    public Visitor visitor() {
        return new Visitor(server.address());
    }

    /** A visitor signed in with the test password. */
    public Visitor signedIn(String username) throws Exception {
        Visitor visitor = visitor();
        assertThat(Visitor.location(visitor.signIn(username, PASSWORD))).as("signed in as " + username).endsWith("/workspace");
        return visitor;
    }

    public Run cli(String... args) {
        return run(databaseUrl, args);
    }

    /** A plain connection to the workspace's database, to check what was stored. */
    public Connection connection() throws SQLException {
        return DriverManager.getConnection(databaseUrl, databaseUrl.startsWith("jdbc:h2") ? "" : System.getProperty("user.name"), "");
    }

    /** A command run in this JVM as `./annual-review --database-url URL ARGS…` runs it, what it printed and its exit code. */
    public static Run run(String databaseUrl, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of("--database-url", databaseUrl));
        all.addAll(List.of(args));
        int code = AnnualReviewApplication.run(all.toArray(String[]::new), new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    /**
     * Publishes the year from the command line as an administrator would when no letter is emailed: every letter
     * approved, an exception recorded for each council ("not sent in this test"), release 1 frozen.
     */
    public void publishByException(String year) throws SQLException {
        expectSuccess(cli("letters", "approve", "--year", year, "--by", "Pat Approver"));
        List<String> publish = new ArrayList<>(List.of("publish", "--year", year));
        try (Connection c = connection(); var s = c.createStatement();
                var rs = s.executeQuery("select distinct organisation_code from letter where reporting_year = '" + year + "'")) {
            while (rs.next()) {
                publish.addAll(List.of("--exception", rs.getString(1) + "=not sent in this test"));
            }
        }
        expectSuccess(cli(publish.toArray(String[]::new)));
    }

    @Override
    public void close() throws Exception {
        server.close();
        smtp.stop();
        if (postgres != null) {
            postgres.close();
        }
    }
}
