package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.cli.CliProcess.Result;
import dev.runlist.testing.Fault;
import dev.runlist.testing.FakeRunsApi;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** {@code runlist} as a real process in pipes, under other locales, with logs, and serving the fake. */
class PipeAndLocaleProcessTest {

    private static final String BIG = "thread_big";
    private static final int BIG_RUNS = 20_000;
    private static final String UTF8_THREAD = "thread_utf8";
    private static FakeRunsApi fake;

    @BeforeAll
    static void startFake() {
        fake = FakeRunsApi.create();
        fake.seedThread(BIG, BIG_RUNS, 7);
        fake.addRun(TestRuns.run(UTF8_THREAD, "run_utf8", dev.runlist.model.RunStatus.FAILED, 0)
                .lastError(TestRuns.error("server_error", "Zoë Müller — déjà vu")).build());
        fake.startHttp();
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static Map<String, String> key() {
        return Map.of("OPENAI_API_KEY", fake.apiKey());
    }

    /** {@code runlist args | head -1} in bash with pipefail, so the exit code is runlist's. */
    private static Result intoHead(String... args) throws Exception {
        List<String> runlist = CliProcess.java(List.of(), args);
        return CliProcess.run(key(), List.of("bash", "-c", "set -o pipefail; " + CliProcess.shell(runlist) + " | head -1"));
    }

    @Test
    void aListingIntoHeadStopsAtTheFirstFailedWriteAndExitsZeroQuietly() throws Exception {
        fake.clearJournal();
        Result jsonl = intoHead("list", BIG, "--all", "--limit", "100", "--format", "jsonl", "--base-url", fake.baseUrl());
        assertThat(jsonl.code()).isEqualTo(0);
        assertThat(jsonl.err()).isEmpty();
        assertThat(jsonl.outLines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("{\"id\":\"run_"));
        // a page of JSON lines (~150 KB) is more than a pipe holds (64 KB): the write that fails is in page 1 or 2
        assertThat(fake.requestCount()).isBetween(1, 2);

        fake.clearJournal();
        Result table = intoHead("list", BIG, "--all", "--limit", "100", "--base-url", fake.baseUrl());
        assertThat(table.code()).isEqualTo(0);
        assertThat(table.err()).isEmpty();
        assertThat(table.outLines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("ID "));
        // table rows are ~110 bytes, so a pipe can take up to 6 pages before head has gone: never the 200
        assertThat(fake.requestCount()).isBetween(1, 8);
    }

    @Test
    void jsonIsUtf8AndTheTableUsesTheLocalesCharsetWhateverLangSays() throws Exception {
        String zoe = "\"Zoë Müller\"";
        for (Map<String, String> locale : List.of(Map.of("LANG", "C"), Map.of("LC_ALL", "POSIX"), Map.<String, String>of())) {
            Result jsonl = CliProcess.run(locale, CliProcess.java(List.of(), "list", "thread_demo", "--format", "jsonl",
                    "--limit", "100", "--quiet"));
            assertThat(jsonl.code()).isEqualTo(0);
            assertThat(jsonl.outText()).as("jsonl under %s", locale).contains(zoe).doesNotContain("Zo?");
        }
        Result json = CliProcess.run(Map.of("LANG", "C"), CliProcess.java(List.of(), "list", "thread_demo", "--format",
                "json", "--limit", "100", "--quiet"));
        assertThat(json.outText()).contains(zoe);
        Result csv = CliProcess.run(Map.of("LANG", "C", "OPENAI_API_KEY", fake.apiKey()), CliProcess.java(List.of(), "list",
                UTF8_THREAD, "--format", "csv", "--base-url", fake.baseUrl()));
        assertThat(csv.outText()).startsWith("id,status,").contains(",Zoë Müller — déjà vu,");
        Result table = CliProcess.run(Map.of("LANG", "C", "OPENAI_API_KEY", fake.apiKey()), CliProcess.java(List.of(), "list",
                UTF8_THREAD, "--base-url", fake.baseUrl()));
        assertThat(table.outText()).contains("server_error: Zo? M?ller ? d?j? vu");
        Result ascii = CliProcess.run(Map.of("LANG", "C", "COLUMNS", "80"), CliProcess.java(List.of(), "list", "thread_demo",
                "--quiet", "--status", "failed", "--all"));
        assertThat(ascii.outText()).contains("...").doesNotContain("…");
        assertThat(new String(ascii.out(), StandardCharsets.US_ASCII).getBytes(StandardCharsets.US_ASCII))
                .as("nothing but ASCII").isEqualTo(ascii.out());
        Result utf8 = CliProcess.run(Map.of("LANG", "C.UTF-8", "COLUMNS", "80"), CliProcess.java(List.of(), "list",
                "thread_demo", "--quiet", "--status", "failed", "--all"));
        assertThat(utf8.outText()).contains("…");
    }

    @Test
    void verboseLogsOneLinePerAttemptAndTwiceTheHttpStacksOwnLogs() throws Exception {
        fake.enqueue(Fault.status(500).header("retry-after-ms", "1"));
        Result v = CliProcess.run(key(), CliProcess.java(List.of(), "list", BIG, "--limit", "3", "--base-url",
                fake.baseUrl(), "-v", "--format", "jsonl", "--transport", "apache"));
        assertThat(v.code()).as(v.err()).isEqualTo(0);
        assertThat(v.err().lines().toList()).hasSize(2).satisfiesExactly(
                first -> assertThat(first).contains("GET /v1/threads/" + BIG + "/runs?limit=3 -> 500").contains("attempt 1/3"),
                second -> assertThat(second).contains("GET /v1/threads/" + BIG + "/runs?limit=3 -> 200").contains("attempt 2/3"));

        for (String flag : List.of("-vv", "--debug")) {
            Result vv = CliProcess.run(key(), CliProcess.java(List.of(), "list", BIG, "--limit", "3", "--base-url",
                    fake.baseUrl(), flag, "--format", "jsonl", "--transport", "apache"));
            assertThat(vv.code()).isEqualTo(0);
            assertThat(vv.err()).as(flag).contains("-> 200").contains("org.apache.hc.client5");
            assertThat(vv.err().lines().count()).as(flag).isGreaterThan(5);
        }
    }

    @Test
    void flagsAreCheckedBeforeTheEmbeddedFakeStarts() throws Exception {
        Result r = CliProcess.run(Map.of(), CliProcess.java(List.of(), "list", "thread_demo", "--transport", "netty"));
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).startsWith("runlist: --transport: unknown transport 'netty'; available: apache, jdk")
                .doesNotContain("embedded fake").doesNotContain("Exception");
        Result status = CliProcess.run(Map.of(), CliProcess.java(List.of(), "list", "thread_demo", "--all", "--status", "nonsense"));
        assertThat(status.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).contains("unknown status 'nonsense'; known statuses: queued, in_progress, requires_action, "
                + "cancelling, cancelled, failed, completed, incomplete, expired").doesNotContain("embedded fake");
        assertThat(status.out()).isEmpty();
    }

    @Test
    void serveFakeOnABusyPortExitsSixAndQuotesTheThreadInItsTryLine() throws Exception {
        Process server = CliProcess.builder(Map.of(), CliProcess.java(List.of(), "serve-fake", "--runs", "3",
                "--thread", "it's a thread")).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            List<String> lines = new ArrayList<>();
            for (String line; lines.size() < 4 && (line = out.readLine()) != null; ) {
                lines.add(line);
            }
            String baseUrl = lines.get(0).substring("base URL:".length()).trim();
            assertThat(lines.get(3)).isEqualTo("try:      OPENAI_API_KEY=" + FakeRunsApi.DEFAULT_API_KEY
                    + " runlist list 'it'\\''s a thread' --base-url " + baseUrl);
            String port = baseUrl.replaceAll(".*:(\\d+)/v1", "$1");

            Result busy = CliProcess.run(Map.of(), CliProcess.java(List.of(), "serve-fake", "--port", port));
            assertThat(busy.code()).isEqualTo(ExitCodes.PORT_UNAVAILABLE);
            assertThat(busy.err().strip()).isEqualTo("runlist: cannot listen on 127.0.0.1:" + port
                    + ": the port is in use. Choose another with --port, or --port 0 for a free one.");
            assertThat(busy.outText()).isEmpty();
        } finally {
            server.destroy();
            assertThat(server.waitFor(30, TimeUnit.SECONDS)).isTrue();
        }
    }
}
