package org.annualreview;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.annualreview.cli.AnnualReviewCommand;
import org.annualreview.demo.DemoLabel;
import org.annualreview.imports.Imports;
import org.annualreview.imports.RecordsImported;
import org.annualreview.letters.LetterLayout;
import org.annualreview.letters.Letters;
import org.annualreview.organisations.Organisations;
import org.annualreview.site.Publication;
import org.annualreview.statistics.Statistics;
import org.springframework.boot.SpringApplication;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.event.EventListener;

/**
 * Starts the application for one command: settings come from the command line and the environment,
 * the database is migrated, and the picocli command runs with the features wired in.
 */
@SpringBootApplication
public class AnnualReviewApplication {

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * Runs one command line to its end and returns its exit code; the application stops afterwards. Help, version, usage
     * errors and the commands that need no database are answered without starting it (AnnualReviewCommand.runWithoutApplication).
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        Map<String, Object> settings = Settings.fromCommandLine(args);
        java.util.OptionalInt answered = AnnualReviewCommand.runWithoutApplication(
                Settings.missingH2File((String) settings.get("spring.datasource.url")), out, err, args);
        if (answered.isPresent()) {
            return answered.getAsInt();
        }
        SpringApplication application = new SpringApplication(AnnualReviewApplication.class);
        application.setDefaultProperties(settings);
        ConfigurableApplicationContext context;
        try {
            context = application.run();
        } catch (RuntimeException e) {
            err.println("annual-review: cannot open the database " + settings.get("spring.datasource.url") + ": " + rootCause(e).getMessage());
            return AnnualReviewCommand.DATABASE_FAILED;
        }
        try (context) {
            return AnnualReviewCommand.run(context, out, err, args);
        }
    }

    private static Throwable rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** The database is migrated when a command starts, even one whose beans are made only when it uses them (lazily). */
    @Bean
    static org.springframework.boot.LazyInitializationExcludeFilter flywayFirst() {
        return org.springframework.boot.LazyInitializationExcludeFilter.forBeanTypes(
                org.springframework.boot.flyway.autoconfigure.FlywayMigrationInitializer.class);
    }

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    Organisations organisations(DataSource dataSource) {
        return new Organisations(dataSource);
    }

    @Bean
    Imports imports(DataSource dataSource, ApplicationEventPublisher events) {
        return new Imports(dataSource, events::publishEvent);
    }

    @Bean
    org.annualreview.imports.Records records(DataSource dataSource, Imports imports, ApplicationEventPublisher events) {
        return new org.annualreview.imports.Records(dataSource, imports, events::publishEvent);
    }

    @Bean
    Statistics statistics(DataSource dataSource, Clock clock) {
        return new Statistics(dataSource, clock);
    }

    @Bean
    Letters letters(DataSource dataSource, Statistics statistics, Organisations organisations, Clock clock, DemoLabel demoLabel,
            @Value("${annual-review.scheme-name:" + LetterLayout.DEFAULT_SCHEME + "}") String schemeName,
            @Value("${annual-review.letters.logo:}") String logo,
            @Value("${annual-review.letters.signature:}") String signature,
            @Value("${annual-review.letters.threads:0}") int threads,
            @Value("${annual-review.letters.letterhead:}") String letterhead,
            @Value("${annual-review.plain-text-links:text-and-address}") String plainTextLinks) {
        return new Letters(dataSource, statistics, organisations, clock,
                LetterLayout.of(schemeName, logo.isBlank() ? Optional.empty() : Optional.of(Path.of(logo)),
                        signature.isBlank() ? Optional.empty() : Optional.of(Path.of(signature)))
                        .withNameLines(LetterLayout.nameLines(letterhead))
                        .withPlainTextLinks(LetterLayout.PlainTextLinks.parse(plainTextLinks)), demoLabel::isSynthetic,
                threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    @Bean
    org.annualreview.statistics.CaseLists caseLists(DataSource dataSource) {
        return new org.annualreview.statistics.CaseLists(dataSource);
    }

    @Bean
    org.annualreview.decisions.Decisions decisions(DataSource dataSource) {
        return new org.annualreview.decisions.Decisions(dataSource);
    }

    @Bean
    org.annualreview.site.Boundaries boundaries(DataSource dataSource, Clock clock) {
        return new org.annualreview.site.Boundaries(dataSource, clock);
    }

    @Bean
    Publication publication(Clock clock, Letters letters, org.annualreview.publication.Releases releases) {
        return new Publication(clock, letters, releases);
    }

    @Bean
    org.annualreview.publication.Releases releases(DataSource dataSource, Statistics statistics, Letters letters,
            org.annualreview.decisions.Decisions decisions, Organisations organisations, Clock clock) {
        return new org.annualreview.publication.Releases(dataSource, statistics, letters, decisions, organisations, clock);
    }

    /**
     * Every page and file of the site carries an ETag: a reader asking again for unchanged data gets 304 Not Modified.
     * Weak, because the same content is sent compressed or not (Tomcat compresses no response with a strong ETag).
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.springframework.web.filter.ShallowEtagHeaderFilter> etags() {
        org.springframework.web.filter.ShallowEtagHeaderFilter etags = new org.springframework.web.filter.ShallowEtagHeaderFilter();
        etags.setWriteWeakETag(true);
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(etags);
        registration.setOrder(2);
        return registration;
    }

    /** A temporary folder for the kept answers sent with sendfile; none if one cannot be made. */
    private static Path pageFolder() {
        try {
            return java.nio.file.Files.createTempDirectory("annual-review-pages");
        } catch (java.io.IOException e) {
            return null;
        }
    }

    /**
     * Outside the ETag filter: a page asked for again within a few seconds is not worked out again (0 seconds: never kept).
     * Second of all filters, after the security headers' (whose headers a kept answer carries as made) and before the
     * sessions' and the security chain's, which a public page does not need: a kept answer costs only its sending.
     */
    @Bean
    org.springframework.boot.web.servlet.FilterRegistrationBean<org.annualreview.site.PageCache> pageCache(Publication publication,
            Clock clock, @Value("${annual-review.site.cache-seconds:10}") int seconds,
            @Value("${annual-review.site.cache-megabytes:64}") long megabytes) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(
                new org.annualreview.site.PageCache(publication, clock, java.time.Duration.ofSeconds(seconds), megabytes,
                        seconds > 0 ? pageFolder() : null));
        registration.setOrder(org.springframework.core.Ordered.HIGHEST_PRECEDENCE + 1);
        registration.setEnabled(seconds > 0);
        return registration;
    }

    @Bean
    org.annualreview.distribution.Distribution distribution(DataSource dataSource, Letters letters, Organisations organisations, Clock clock,
            @Value("${annual-review.mail.host:localhost}") String host, @Value("${annual-review.mail.port:587}") int port,
            @Value("${annual-review.mail.starttls:true}") boolean startTls, @Value("${annual-review.mail.username:}") String username,
            @Value("${annual-review.mail.password:}") String password,
            @Value("${annual-review.mail.from:annual-review@localhost}") String from,
            @Value("${annual-review.mail.attempts:5}") int attempts,
            @Value("${annual-review.mail.first-retry-after-seconds:2}") double firstRetry,
            @Value("${annual-review.mail.timeout-seconds:30}") double timeout,
            @Value("${annual-review.scheme-name:" + LetterLayout.DEFAULT_SCHEME + "}") String schemeName) {
        return new org.annualreview.distribution.Distribution(dataSource, letters, organisations,
                new org.annualreview.distribution.MailSettings(host, port, startTls, username, password, from, attempts,
                        java.time.Duration.ofMillis((long) (firstRetry * 1000)), java.time.Duration.ofMillis((long) (timeout * 1000))), clock,
                schemeName);
    }

    @Bean
    org.annualreview.distribution.Registrations registrations(DataSource dataSource, Organisations organisations,
            org.annualreview.distribution.Distribution distribution, Clock clock) {
        return new org.annualreview.distribution.Registrations(dataSource, organisations, distribution, clock);
    }

    @Bean
    org.annualreview.audit.AuditLog auditLog(DataSource dataSource, Clock clock) {
        return new org.annualreview.audit.AuditLog(dataSource, clock);
    }

    /**
     * New passwords hashed with Argon2id (OWASP's first choice), each hash naming its algorithm ({argon2}…); hashes made
     * before with bcrypt ({bcrypt}…) are still checked.
     */
    @Bean
    org.springframework.security.crypto.password.PasswordEncoder passwordEncoder() {
        Map<String, org.springframework.security.crypto.password.PasswordEncoder> encoders = Map.of(
                "argon2", org.springframework.security.crypto.argon2.Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8(),
                "bcrypt", new org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder());
        return new org.springframework.security.crypto.password.DelegatingPasswordEncoder("argon2", encoders);
    }

    @Bean
    org.annualreview.accounts.Accounts accounts(DataSource dataSource, Organisations organisations,
            org.springframework.security.crypto.password.PasswordEncoder passwordEncoder, Clock clock) {
        return new org.annualreview.accounts.Accounts(dataSource, organisations, passwordEncoder, clock);
    }

    @Bean
    org.annualreview.accounts.LoginThrottle loginThrottle(DataSource dataSource, Clock clock) {
        return new org.annualreview.accounts.LoginThrottle(dataSource, clock);
    }

    /** Passwords changed by their holders, and links to set a new one emailed as the monitoring officers' confirmations are. */
    @Bean
    org.annualreview.accounts.Passwords passwords(DataSource dataSource, org.annualreview.accounts.Accounts accounts,
            org.annualreview.accounts.LoginThrottle loginThrottle, org.annualreview.audit.AuditLog audit,
            org.annualreview.distribution.Distribution distribution, Clock clock) {
        return new org.annualreview.accounts.Passwords(dataSource, accounts, loginThrottle, audit, distribution::sendNotice, clock);
    }

    /** Every absolute link of the site (emails, sitemap, robots.txt) starts with this, never with a request's Host. */
    @Bean
    org.annualreview.site.SiteAddress siteAddress(@Value("${annual-review.public-url:}") String publicUrl, @Value("${server.port:8080}") int port) {
        return publicUrl.isBlank() ? org.annualreview.site.SiteAddress.local(port) : new org.annualreview.site.SiteAddress(publicUrl);
    }

    @Bean
    org.annualreview.jobs.Jobs jobs(DataSource dataSource, Clock clock) {
        return new org.annualreview.jobs.Jobs(dataSource, clock);
    }

    /** Runs the jobs staff start (writing or sending a year's letters) on the nodes that serve: a command runs its own work itself. */
    @Bean(destroyMethod = "close")
    @org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication
    @org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization   // its scheduler polls its table at once
    org.annualreview.jobs.LetterJobs letterJobs(DataSource dataSource, org.annualreview.jobs.Jobs jobs,
            org.annualreview.distribution.Distribution distribution, Letters letters, org.annualreview.audit.AuditLog audit,
            @Value("${annual-review.jobs.run:true}") boolean runsJobs) {
        return new org.annualreview.jobs.LetterJobs(dataSource, jobs, distribution, letters, audit,
                org.annualreview.jobs.LetterJobs.Settings.DEFAULT.runningJobs(runsJobs));
    }

    @Bean
    DemoLabel demoLabel(DataSource dataSource) {
        return new DemoLabel(dataSource);
    }

    @Bean
    StaleFigures staleFigures(Statistics statistics) {
        return new StaleFigures(statistics);
    }

    /** Any import may change any year's figures: their snapshots are recomputed on next read. */
    record StaleFigures(Statistics statistics) {
        @EventListener
        public void on(RecordsImported imported) {
            statistics.markAllStale();
        }
    }

    /** The settings a command line may give before Spring starts (the database must be known to start). */
    static final class Settings {
        /** The first word that is neither an option nor the database URL given to one. */
        static String command(String[] args) {
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--database-url")) {
                    i++;
                } else if (!args[i].startsWith("-")) {
                    return args[i];
                }
            }
            return "";
        }

        /**
         * An H2 file database as the application opens it: each commit written to the file when it is made
         * (WRITE_DELAY=0), unless the URL says otherwise. By default H2 writes commits up to half a second later, and a
         * process killed in that time loses them, the database's very first tables included (decision 008).
         */
        static String durable(String url) {
            boolean h2File = url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:");
            return h2File && !url.toUpperCase(java.util.Locale.ROOT).contains("WRITE_DELAY=") ? url + ";WRITE_DELAY=0" : url;
        }

        /**
         * The file of an H2 file database that does not exist yet ({@code ./data/annual-review.mv.db}), or empty: the file
         * exists, or the URL names another kind of database, or a path this does not read (H2 itself then decides).
         */
        static Optional<Path> missingH2File(String url) {
            String rest = url.startsWith("jdbc:h2:file:") ? url.substring("jdbc:h2:file:".length())
                    : url.startsWith("jdbc:h2:") ? url.substring("jdbc:h2:".length()) : "";
            String name = rest.split(";", 2)[0];
            if (name.startsWith("~/")) {
                name = System.getProperty("user.home") + name.substring(1);
            }
            if (!(name.startsWith("/") || name.startsWith("./") || name.startsWith("../"))) {
                return Optional.empty();   // mem:, tcp://, another file system of H2's, or no path at all
            }
            Path file = Path.of(name + ".mv.db").toAbsolutePath().normalize();
            return java.nio.file.Files.exists(file) ? Optional.empty() : Optional.of(file);
        }

        static Map<String, Object> fromCommandLine(String[] args) {
            Map<String, Object> settings = new LinkedHashMap<>();
            String url = System.getenv().getOrDefault("ANNUAL_REVIEW_DATABASE_URL", AnnualReviewCommand.DEFAULT_DATABASE_URL);
            for (int i = 0; i < args.length; i++) {
                if (args[i].equals("--database-url") && i + 1 < args.length) {
                    url = args[i + 1];
                } else if (args[i].startsWith("--database-url=")) {
                    url = args[i].substring("--database-url=".length());
                }
            }
            settings.put("spring.datasource.url", durable(url));
            // only `serve` starts a web server; every other command is over when it returns
            boolean serve = command(args).equals("serve")
                    || command(args).equals("demo") && !java.util.Arrays.asList(args).contains("--no-serve")
                            && !java.util.Arrays.asList(args).contains("--generate-only");
            settings.put("spring.main.web-application-type", serve ? "servlet" : "none");
            // a command makes only the beans it uses (the database and its migration always: flywayFirst); the site makes
            // all of them at start, so that none is made in a visitor's request
            settings.put("spring.main.lazy-initialization", !serve);
            if (serve) {
                settings.put("server.port", System.getenv().getOrDefault("ANNUAL_REVIEW_PORT", "8080"));
                for (int i = 0; i < args.length - 1; i++) {
                    if (args[i].equals("--port")) {
                        settings.put("server.port", args[i + 1]);
                    }
                }
            }
            return settings;
        }
    }
}
