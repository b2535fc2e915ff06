package org.exhunt.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.exhunt.server.Tokens;
import org.exhunt.server.auth.Role;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code exhunt token create}: makes bearer tokens for the fleet server. */
@Command(name = "token", mixinStandardHelpOptions = true,
        description = "Manages the fleet server's bearer tokens.",
        subcommands = TokenCommand.Create.class)
final class TokenCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new picocli.CommandLine.ParameterException(spec.commandLine(), "missing command: create");
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
}
