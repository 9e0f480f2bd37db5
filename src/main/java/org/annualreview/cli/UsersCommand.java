package org.annualreview.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.annualreview.accounts.Account;
import org.annualreview.accounts.Accounts;
import org.annualreview.accounts.Role;
import org.annualreview.shared.Term;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The accounts that may sign in to the workspace. */
@Command(name = "users", mixinStandardHelpOptions = true, description = "Adds and lists the accounts that may sign in to the workspace.",
        subcommands = {UsersCommand.Add.class, UsersCommand.ListAccounts.class})
final class UsersCommand implements Runnable, BeforeStarting.RunsWithoutDatabase {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Name what to do: users add, or users list");
    }

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "Adds an account (an administrator first: it manages the others). The password is asked for, or read from --password-file.")
    static final class Add implements Callable<Integer>, BeforeStarting.ChecksUsage {

        @Option(names = "--username", required = true, paramLabel = "EMAIL", description = "The person's email address; they sign in with it")
        String username;

        @Option(names = "--name", required = true, paramLabel = "NAME", description = "The person's name, as the workspace shows it")
        String name;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "administrator, analyst or council")
        String role;

        @Option(names = "--organisation", paramLabel = "ORGANISATION", description = "For a council user: the council (GSS code, name or unique part)")
        String organisation;

        @Option(names = "--password-file", paramLabel = "FILE", description = "Read the password from the first line of this file instead of asking")
        Path passwordFile;

        @Option(names = "--replace", description = "Set the details and password of an existing account anew")
        boolean replace;

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Accounts accounts;
        private final org.annualreview.audit.AuditLog audit;

        Add(Accounts accounts, org.annualreview.audit.AuditLog audit) {
            this.accounts = accounts;
            this.audit = audit;
        }

        @Override
        public void checkUsage() {
            if (Term.find(Role.class, role).isEmpty()) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--role must be administrator, analyst or council, not '" + role + "'");
            }
            if (passwordFile == null && System.console() == null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "no terminal to ask for the password: give --password-file");
            }
        }

        @Override
        public Integer call() throws Exception {
            Role chosen = Term.find(Role.class, role).orElseThrow();
            String password = password();
            try {
                Optional<Account> before = accounts.find(username);
                Account account = audit.inTransaction(() -> {
                    Account kept = accounts.add(username, name, chosen, Optional.ofNullable(organisation), password, replace);
                    audit.record(org.annualreview.audit.AuditLog.commandLine(), replace ? "replace-account" : "add-account", "account " + kept.username(),
                            before.map(accounts::described), Optional.of(accounts.described(kept) + (replace ? "; password set anew" : "")));
                    return kept;
                });
                spec.commandLine().getOut().printf("%s %s: %s, %s%s.%n", replace ? "Set" : "Added", account.username(), account.displayName(),
                        account.role().label(), account.organisationCode().map(c -> " of " + c).orElse(""));
                return ExitCodes.OK;
            } catch (Accounts.Refused refused) {
                refused.byField().forEach(p -> spec.commandLine().getErr().println("annual-review: " + p.message() + switch (p.field()) {
                    case "organisation" -> " (--organisation)";
                    case "username" -> " (--replace sets its details and password anew)";
                    default -> "";
                }));
                return ExitCodes.REFUSED;
            }
        }

        private String password() throws java.io.IOException {
            if (passwordFile != null) {
                return Files.readAllLines(passwordFile, StandardCharsets.UTF_8).stream().findFirst().orElse("");
            }
            java.io.Console console = System.console();   // there is one (checkUsage)
            char[] first = console.readPassword("Password for %s (at least %d characters): ", username, Accounts.SHORTEST_PASSWORD);
            char[] again = console.readPassword("The same password again: ");
            if (first == null || again == null || !java.util.Arrays.equals(first, again)) {
                throw new CommandLine.ParameterException(spec.commandLine(), "the two passwords differ");
            }
            return new String(first);
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists every account: email address, name, role, organisation.")
    static final class ListAccounts implements Callable<Integer>, BeforeStarting.NeedsExistingDatabase {

        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        private final Accounts accounts;

        ListAccounts(Accounts accounts) {
            this.accounts = accounts;
        }

        @Override
        public Integer call() {
            accounts.all().forEach(a -> spec.commandLine().getOut().printf("%-40s %-30s %-14s %s%n", a.username(), a.displayName(),
                    a.role().label(), a.organisationCode().orElse("")));
            return ExitCodes.OK;
        }
    }
}
