package dev.runlist.cli;

import dev.runlist.spi.TransportProvider;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** How a command reaches the API, and how much it says on stderr while it does. */
final class ApiOptions {

    /** The logger of core's one line per HTTP attempt. */
    static final String ATTEMPT_LOGGER = "dev.runlist.http";

    @Option(names = "--transport", paramLabel = "jdk|apache", description = "The HTTP stack to use (default: the highest priority found).")
    String transport;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The API base URL (default https://api.openai.com/v1, or OPENAI_BASE_URL), such as a self-hosted "
                    + "Assistants-compatible server or a runlist serve-fake.")
    String baseUrl;

    @Option(names = "--azure-endpoint", paramLabel = "URL",
            description = "List from Azure OpenAI's v1 API at this resource endpoint, such as https://my-resource.openai.azure.com "
                    + "(default AZURE_OPENAI_ENDPOINT), with the key in AZURE_OPENAI_API_KEY; OPENAI_API_VERSION picks "
                    + "another API shape.")
    String azureEndpoint;

    @Option(names = {"-v", "--verbose"},
            description = "Log one line per HTTP attempt on stderr; twice (-vv) also the HTTP stack's own logs.")
    boolean[] verbose = new boolean[0];

    @Option(names = "--debug", description = "The same as -vv.")
    boolean debug;

    @Option(names = {"-q", "--quiet"}, description = "Print only the data: no notices, progress or summary (errors still print).")
    boolean quiet;

    /**
     * Checks the flags before anything starts and sets the log levels they ask for.
     *
     * @throws CommandLine.ParameterException naming the flag at fault
     */
    void validate(CommandLine cli) {
        if (transport != null) {
            Set<String> names = transportNames();
            if (!names.contains(transport)) {
                throw new CommandLine.ParameterException(cli, "--transport: unknown transport '"
                        + TerminalText.oneLine(transport) + "'; available: " + String.join(", ", names));
            }
        }
        configureLogging();
    }

    /** 0 quiet logs, 1 one line per attempt, 2 the transports' own logs as well. */
    int verbosity() {
        return debug ? 2 : Math.min(verbose.length, 2);
    }

    /** Opens the API these options name (or the embedded fake); see {@link ApiConnection}. */
    ApiConnection open(Io io) {
        return ApiConnection.open(io.env(), baseUrl, azureEndpoint, transport, quiet ? null : io.err());
    }

    private void configureLogging() {
        if (verbosity() >= 2) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        } else if (verbosity() == 1) {
            System.setProperty("org.slf4j.simpleLogger.log." + ATTEMPT_LOGGER, "debug");
        }
        if (verbosity() > 0 && System.getProperty("org.slf4j.simpleLogger.showThreadName") == null) {
            System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        }
    }

    /** The names of the transports on the class path (or module path). */
    static Set<String> transportNames() {
        Set<String> names = new TreeSet<>();
        for (ServiceLoader.Provider<TransportProvider> p : ServiceLoader.load(TransportProvider.class).stream().toList()) {
            try {
                names.add(p.get().name());
            } catch (java.util.ServiceConfigurationError broken) {
                // a broken provider does not hide the others; core reports it when the client is built
            }
        }
        return names;
    }
}
