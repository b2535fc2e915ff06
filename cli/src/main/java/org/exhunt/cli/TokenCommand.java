package org.exhunt.cli;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import org.exhunt.server.Tokens;
import org.exhunt.server.auth.Role;
import org.exhunt.server.store.TokenInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exhunt token create|list|revoke}: the fleet server's bearer tokens. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manages the fleet server's bearer tokens.",
        subcommands = {TokenCommand.Create.class, TokenCommand.ListTokens.class, TokenCommand.Revoke.class})
final class TokenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: create, list or revoke");
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Creates a token and prints it once; the server keeps only its SHA-256.",
                    "Agent tokens may only upload reports (give one to each scanning host or script); analyst tokens "
                            + "may only read their own tenant's fleet (API and dashboard).",
                    "Works while the server runs."})
    static final class Create implements Callable<Integer> {

        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The server's data folder (as given to 'exhunt serve').")
        Path data;

        @Option(names = "--db", paramLabel = "JDBC-URL", description = "The server's PostgreSQL URL, when it uses one (as given to 'exhunt serve').")
        String db;

        @Option(names = "--tenant", required = true, paramLabel = "NAME",
                description = "The customer or constituency the token belongs to; a tenant never sees another's data.")
        String tenant;

        @Option(names = "--role", required = true, paramLabel = "ROLE", description = "agent (upload only) or analyst (read only).")
        String role;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            Role r;
            try {
                r = Role.parse(role);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--role " + e.getMessage());
            }
            if (tenant.isBlank()) throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--tenant is empty");
            String token = Tokens.create(data, db, tenant, r);
            spec.commandLine().getOut().println(token);
            spec.commandLine().getErr().println("New " + r.word() + " token for tenant '" + tenant.strip()
                    + "'. It is shown only now: store it like a password.");
            return Main.OK;
        }
    }

    /** Where the server keeps its tokens: the same two options as {@code exhunt serve}. */
    static final class Store {
        @Option(names = "--data", required = true, paramLabel = "DIR", description = "The server's data folder (as given to 'exhunt serve').")
        Path data;

        @Option(names = "--db", paramLabel = "JDBC-URL", description = "The server's PostgreSQL URL, when it uses one (as given to 'exhunt serve').")
        String db;
    }

    @Command(name = "list", mixinStandardHelpOptions = true,
            description = {"Lists the tokens the server accepts: id, tenant, role, creation time (UTC).",
                    "The id is the one the server's request log names; tokens themselves cannot be shown again."})
    static final class ListTokens implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        Store store;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            List<TokenInfo> tokens = Tokens.list(store.data, store.db);
            var out = spec.commandLine().getOut();
            if (tokens.isEmpty()) {
                spec.commandLine().getErr().println("No tokens yet: make one with 'exhunt token create'.");
                return Main.OK;
            }
            out.printf("%-12s  %-8s  %-20s  %s%n", "ID", "ROLE", "CREATED", "TENANT");
            for (TokenInfo t : tokens) {
                out.printf("%-12s  %-8s  %-20s  %s%n", t.id(), t.role().word(), t.created().truncatedTo(ChronoUnit.SECONDS), t.tenant());
            }
            return Main.OK;
        }
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true,
            description = {"Revokes a token: the server refuses it (401) from the next request on, also while it runs.",
                    "Name it by its id from 'exhunt token list' or the request log (8 or more hex digits), or give the "
                            + "token itself, e.g. from EXHUNT_TOKEN, so it never has to be typed on a command line."})
    static final class Revoke implements Callable<Integer> {

        @picocli.CommandLine.Mixin
        Store store;

        @picocli.CommandLine.Parameters(index = "0", arity = "0..1", paramLabel = "ID",
                description = "The token's id, or the token. Without it, the token in the EXHUNT_TOKEN environment variable.")
        String id;

        @picocli.CommandLine.Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public Integer call() {
            String given = id != null ? id : System.getenv("EXHUNT_TOKEN");
            if (given == null || given.isBlank()) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "name the token to revoke: its id (see 'exhunt token list') or the token in EXHUNT_TOKEN");
            }
            TokenInfo gone;
            try {
                gone = Tokens.revoke(store.data, store.db, given);
            } catch (IllegalArgumentException e) {
                spec.commandLine().getErr().println("exhunt token revoke: " + e.getMessage());
                return Main.ERROR;
            }
            spec.commandLine().getErr().println("Revoked " + gone.role().word() + " token " + gone.id()
                    + " of tenant '" + gone.tenant() + "'.");
            return Main.OK;
        }
    }
}
