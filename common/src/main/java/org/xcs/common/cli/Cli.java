package org.xcs.common.cli;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xcs.common.logging.Logging;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Runs a component's Picocli command and returns the exit code: 0 after {@code --help}/{@code --version}, 2 with
 * a one-line message for bad input, otherwise what the command returns. Before the command is called it applies
 * {@code --config}, resolves the secret, and configures logging (domain, level, secret masking) from the command's
 * {@link CommonOptions} mixin.
 *
 * <pre>{@code System.exit(Cli.run(new MucMain(), args));}</pre>
 */
public final class Cli {

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    private final Map<String, String> env;
    private final PrintWriter out;
    private final PrintWriter err;

    public Cli(Map<String, String> env, PrintWriter out, PrintWriter err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    /** With the real environment, stdout and stderr. */
    public static int run(Object command, String... args) {
        return new Cli(System.getenv(),
                new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                new PrintWriter(System.err, true, StandardCharsets.UTF_8)).execute(command, args);
    }

    public int execute(Object command, String... args) {
        CommandLine cli = new CommandLine(command);
        CommandSpec spec = cli.getCommandSpec();
        spec.mixinStandardHelpOptions(true);
        if (spec.version().length == 0) {
            spec.versionProvider(new VersionProvider(spec.name(), command.getClass()));
        }
        cli.setOut(out);
        cli.setErr(err);
        cli.setParameterExceptionHandler(new OneLineErrors(secretsIn(args)));
        cli.setExecutionStrategy(this::validateThenRun);

        Path config = configPath(args);
        if (config != null) {
            try {
                cli.setDefaultValueProvider(ConfigFileDefaults.load(config, spec));
            } catch (IllegalArgumentException e) {
                return reject(cli, e.getMessage(), args);
            }
        }
        return cli.execute(args);
    }

    private int validateThenRun(ParseResult parsed) {
        Integer helpExit = CommandLine.executeHelpRequest(parsed);
        if (helpExit != null) {
            return helpExit;
        }
        CommonOptions common = commonOptionsOf(parsed.commandSpec());
        if (common != null) {
            try {
                common.resolveSecret(env);
            } catch (IllegalArgumentException e) {
                throw new ParameterException(parsed.commandSpec().commandLine(), e.getMessage());
            }
            Logging.configure(common.domain(), common.logLevel());
            Logging.hideSecret(common.secret());
            if (parsed.hasMatchedOption("--secret")) {
                LOG.warn("--secret is visible to other users in the process list: prefer --secret-file or {}",
                        CommonOptions.SECRET_ENV);
            }
            LOG.debug("options: {}", common);
        }
        return new CommandLine.RunLast().execute(parsed);
    }

    private static CommonOptions commonOptionsOf(CommandSpec spec) {
        if (spec.userObject() instanceof CommonOptions common) {
            return common;
        }
        for (CommandSpec mixin : spec.mixins().values()) {
            if (mixin.userObject() instanceof CommonOptions common) {
                return common;
            }
        }
        return null;
    }

    private static int reject(CommandLine cli, String message, String[] args) {
        ParameterException e = new ParameterException(cli, message);
        try {
            return cli.getParameterExceptionHandler().handleParseException(e, args);
        } catch (Exception unexpected) {
            throw new IllegalStateException(unexpected);
        }
    }

    /** A first pass for {@code --config}: its file supplies defaults before the real parse. */
    private static Path configPath(String[] args) {
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--")) {
                return null;
            }
            if (args[i].startsWith("--config=")) {
                return Path.of(args[i].substring("--config=".length()));
            }
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Path.of(args[i + 1]);
            }
        }
        return null;
    }

    /** Values given to --secret on the command line, so an error message quoting them can mask them. */
    private static List<String> secretsIn(String[] args) {
        List<String> secrets = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--secret=")) {
                secrets.add(args[i].substring("--secret=".length()));
            } else if (args[i].equals("--secret") && i + 1 < args.length) {
                secrets.add(args[i + 1]);
            }
        }
        secrets.removeIf(secret -> secret.length() < Logging.MIN_MASKED_LENGTH);
        return secrets;
    }

    /** GNU style: {@code muc: <what is wrong>} then a pointer to --help, instead of the whole usage text. */
    private record OneLineErrors(List<String> secrets) implements CommandLine.IParameterExceptionHandler {
        @Override
        public int handleParseException(ParameterException e, String[] args) {
            CommandLine cli = e.getCommandLine();
            String message = String.valueOf(e.getMessage());
            for (String secret : secrets) {
                message = message.replace(secret, "****");
            }
            PrintWriter err = cli.getErr();
            err.println(cli.getCommandName() + ": " + message.replace('\n', ' '));
            err.println("Try '" + cli.getCommandName() + " --help' for more information.");
            err.flush();
            return cli.getCommandSpec().exitCodeOnInvalidInput();
        }
    }
}
