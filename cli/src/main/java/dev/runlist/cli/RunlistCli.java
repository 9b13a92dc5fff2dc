package dev.runlist.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code runlist} command: {@code list} and {@code serve-fake}. */
@Command(
        name = "runlist",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Lists the runs of OpenAI Assistants threads.",
        subcommands = {ListCommand.class, ServeFakeCommand.class, CommandLine.HelpCommand.class})
public final class RunlistCli implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs the command line with the given output streams and returns the exit code (see {@link ExitCodes}). */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        if (java.util.Arrays.asList(args).contains("--verbose")) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "debug");
        } else if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        CommandLine cli = new CommandLine(new RunlistCli());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler(new ErrorReporter());
        cli.setParameterExceptionHandler((e, a) -> {
            err.println("runlist: " + e.getMessage());
            err.println("Try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage.");
            return ExitCodes.USAGE;
        });
        return cli.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required: list or serve-fake");
    }
}
