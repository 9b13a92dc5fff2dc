package dev.runlist.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Runs {@code runlist} in this JVM with an environment of the test's choosing. */
final class InProcess {

    /** What a command printed and its exit code. */
    record Result(int code, String out, String err) {
        List<String> outLines() {
            return lines(out);
        }

        List<String> errLines() {
            return lines(err);
        }
    }

    private InProcess() {}

    /** Runs with an empty environment: no key, so the embedded fake. */
    static Result run(String... args) {
        return run(Map.of(), args);
    }

    static Result run(Map<String, String> env, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = RunlistCli.run(args, Io.of(new PrintWriter(out), new PrintWriter(err, true), env));
        return new Result(code, out.toString(), err.toString());
    }

    static List<String> lines(String s) {
        return Arrays.stream(s.split("\r?\n")).filter(l -> !l.isBlank()).collect(Collectors.toList());
    }
}
