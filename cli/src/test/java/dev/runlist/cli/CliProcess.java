package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** Starts {@code runlist} as a real process: a JVM on the test class path, maybe inside a shell or a terminal. */
final class CliProcess {

    /** What a process printed and its exit code. */
    record Result(int code, byte[] out, String err) {
        String outText() {
            return new String(out, StandardCharsets.UTF_8);
        }

        List<String> outLines() {
            return InProcess.lines(outText());
        }
    }

    private CliProcess() {}

    /** The command line of {@code java -cp … RunlistCli args}. */
    static List<String> java(List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunlistCli.class.getName()));
        cmd.addAll(Arrays.asList(args));
        return cmd;
    }

    /** {@code words} as one POSIX shell command line. */
    static String shell(List<String> words) {
        return words.stream().map(w -> "'" + w.replace("'", "'\\''") + "'").collect(Collectors.joining(" "));
    }

    /** A process builder for {@code cmd} with no API settings in its environment, then {@code env}. */
    static ProcessBuilder builder(Map<String, String> env, List<String> cmd) {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().keySet().removeIf(k -> k.startsWith("OPENAI_") || k.startsWith("AZURE_OPENAI_")
                || k.equals("COLUMNS") || k.startsWith("LC_") || k.equals("LANG"));
        pb.environment().putAll(env);
        return pb;
    }

    /** Runs {@code cmd} to its end with stdin closed, reading stdout and stderr as they come. */
    static Result run(Map<String, String> env, List<String> cmd) throws Exception {
        Process p = builder(env, cmd).start();
        p.getOutputStream().close();
        CompletableFuture<byte[]> err = CompletableFuture.supplyAsync(() -> readAll(p.getErrorStream()));
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the process ended").isTrue();
        return new Result(p.exitValue(), out, new String(err.get(), StandardCharsets.UTF_8));
    }

    private static byte[] readAll(java.io.InputStream in) {
        try {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
