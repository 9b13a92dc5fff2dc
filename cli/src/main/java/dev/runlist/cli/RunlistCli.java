package dev.runlist.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code runlist} command: {@code list}, {@code stats} and {@code serve-fake}. */
@Command(
        name = "runlist",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Lists the runs of OpenAI Assistants API threads: from Azure OpenAI, a self-hosted Assistants-compatible "
                    + "server (--base-url), or the fake API.",
            "OpenAI shut down its hosted Assistants API on 2026-08-26."
        },
        subcommands = {ListCommand.class, StatsCommand.class, ServeFakeCommand.class, CommandLine.HelpCommand.class})
public final class RunlistCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    private final Io io;

    private RunlistCli(Io io) {
        this.io = io;
    }

    /**
     * Runs the command line on the process's streams and exits with its code (see {@link ExitCodes}).
     *
     * @param args the command line arguments
     */
    public static void main(String[] args) {
        Io io = Io.system();
        int code = run(args, io);
        io.flush();
        System.exit(code);
    }

    /**
     * Runs the command line with the given output streams and the process's environment, and returns
     * the exit code (see {@link ExitCodes}). Nothing is treated as a terminal.
     *
     * @param args the command line arguments
     * @param out where output goes
     * @param err where messages and errors go
     * @return the exit code
     */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, Io.of(out, err, System.getenv()));
    }

    static int run(String[] args, Io io) {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        CommandLine cli = new CommandLine(new RunlistCli(io));
        cli.setOut(io.text());
        cli.setErr(io.err());
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((e, a) -> {
            ErrorReporter.println(io.err(), "runlist: " + e.getMessage());
            io.err().println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            io.err().flush();
            return ExitCodes.USAGE;
        });
        int code = cli.execute(args);
        io.text().flush();
        return code;
    }

    /** The streams and environment the commands use. */
    Io io() {
        return io;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: list, stats or serve-fake");
    }
}
