package dev.pgorm.migrate.internal.cli;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The command line's arguments, parsed without a library: {@code --name value} or {@code
 * --name=value}.
 */
final class CliOptions {

    /** Thrown for arguments that cannot be used; the message says what to write instead. */
    static final class UsageException extends Exception {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static final String DEFAULT_MIGRATIONS = "src/main/resources/db/migration";

    String command;
    boolean help;
    final List<Path> entities = new ArrayList<>();
    final List<Path> classpath = new ArrayList<>();
    final List<String> packages = new ArrayList<>();
    final Map<String, String> properties = new LinkedHashMap<>();
    String persistenceUnit;
    Path migrations = Path.of(DEFAULT_MIGRATIONS);
    String scratchUrl;
    String scratchUser;
    String scratchPassword;
    String description;
    String allow;

    private CliOptions() {}

    static CliOptions parse(String[] args) throws UsageException {
        CliOptions o = new CliOptions();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                o.help = true;
                continue;
            }
            if (!arg.startsWith("--")) {
                if (o.command != null) {
                    throw new UsageException("unexpected argument " + arg);
                }
                if (!arg.equals("diff") && !arg.equals("verify")) {
                    throw new UsageException("unknown command " + arg + "; use diff or verify");
                }
                o.command = arg;
                continue;
            }
            String name = arg;
            String value;
            int eq = arg.indexOf('=');
            if (eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new UsageException(arg + " needs a value");
            }
            o.set(name, value);
        }
        if (o.help) {
            return o;
        }
        if (o.command == null) {
            throw new UsageException("name a command: diff or verify");
        }
        if (o.entities.isEmpty()) {
            throw new UsageException(
                    "name the compiled entities with --entities <jar or classes directory>");
        }
        if (o.command.equals("diff") && (o.description == null || o.description.isBlank())) {
            throw new UsageException(
                    "diff needs --description, the new migration's name (for example add_orders)");
        }
        return o;
    }

    private void set(String name, String value) throws UsageException {
        switch (name) {
            case "--entities" -> entities.addAll(paths(value));
            case "--classpath" -> classpath.addAll(paths(value));
            case "--packages" -> packages.addAll(Arrays.asList(value.split(",")));
            case "--persistence-unit" -> persistenceUnit = value;
            case "--migrations" -> migrations = Path.of(value);
            case "--scratch-url" -> scratchUrl = value;
            case "--scratch-user" -> scratchUser = value;
            case "--scratch-password" -> scratchPassword = value;
            case "--description" -> description = value;
            case "--allow" -> allow = allow == null ? value : allow + "," + value;
            case "--property" -> {
                int eq = value.indexOf('=');
                if (eq <= 0) {
                    throw new UsageException("--property needs name=value, got " + value);
                }
                properties.put(value.substring(0, eq), value.substring(eq + 1));
            }
            default -> throw new UsageException("unknown option " + name);
        }
    }

    private static List<Path> paths(String value) {
        List<Path> paths = new ArrayList<>();
        for (String part : value.split(File.pathSeparator)) {
            if (!part.isBlank()) {
                paths.add(Path.of(part));
            }
        }
        return paths;
    }

    static String usage() {
        return """
                Usage: java -jar hibernate-pg-migrate-cli.jar diff|verify [options]

                  diff     plans the entities against the migration folder and writes the next
                           migration
                  verify   replays the migration folder into a temporary database and fails when
                           the entities need more statements (drift)

                Options:
                  --entities <path>          compiled entities: a jar or a classes directory
                                             (repeatable, or a list separated by the path
                                             separator); scanned for @Entity classes
                  --classpath <path>         libraries the entities need (not scanned)
                  --packages <a,b>           scan only these packages and their subpackages
                  --persistence-unit <name>  take the entities from META-INF/persistence.xml
                  --migrations <dir>         the migration folder
                                             (default src/main/resources/db/migration)
                  --scratch-url <jdbc url>   server for temporary databases (needs CREATEDB);
                                             default PGORM_SCRATCH_URL, then PGORM_TEST_URL,
                                             then jdbc:postgresql://localhost:5432/postgres
                  --scratch-user <user>      default PGORM_SCRATCH_USER; without a URL
                                             either, PGORM_TEST_USER, then postgres
                  --scratch-password <pw>    default PGORM_SCRATCH_PASSWORD (or
                                             PGORM_TEST_PASSWORD, without a URL)
                  --description <text>       diff: the new migration's description
                  --allow <HAZARD,...>       diff: hazards to accept, for example INDEX_BUILD
                  --property <name=value>    a Hibernate setting (repeatable)
                  --help                     prints this text

                Exit codes: 0 ok; 1 drift (verify) or hazards not allowed (diff);
                            2 usage error, or the scratch server or the entities could not be used.
                """;
    }
}
