package dev.runlist.cli;

import static dev.runlist.cli.TestRuns.at;
import static dev.runlist.cli.TestRuns.error;
import static dev.runlist.cli.TestRuns.run;
import static dev.runlist.cli.TestRuns.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.cli.InProcess.Result;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import dev.runlist.testing.FakeRunsApi;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code runlist list} in-process against a fake holding awkward runs: a last error without a code,
 * server text full of escape sequences, commas, quotes and line breaks.
 */
class OutputTest {

    static final String THREAD = "thread_awkward";
    static final String HOSTILE_MESSAGE = "Set title\u001b]0;owned\u0007, clear\u001b[2J \"quoted\"\r\nsecond line \u202Etxt.exe";

    private static FakeRunsApi fake;
    private static Map<String, String> env;

    @BeforeAll
    static void startFake() {
        fake = FakeRunsApi.create();
        fake.addRun(run(THREAD, "run_nocode", RunStatus.FAILED, 10).lastError(error(null, "boom, no code"))
                .usage(usage(10, 5)).startedAt(at(11)).failedAt(at(20)).build());
        fake.addRun(run(THREAD, "run_hostile", RunStatus.FAILED, 20).model("gpt\u001b[31m-red")
                .lastError(error("server_error", HOSTILE_MESSAGE)).startedAt(at(21)).failedAt(at(30)).build());
        fake.addRun(run(THREAD, "run_ok", RunStatus.COMPLETED, 30).metadata(Map.of("customer", "Zoë Müller"))
                .usage(usage(100, 20)).startedAt(at(31)).completedAt(at(40)).build());
        RunStatsTest.sixRuns("thread_six").forEach(fake::addRun);
        env = Map.of("OPENAI_API_KEY", fake.apiKey());
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    private static Result list(String... args) {
        List<String> all = new ArrayList<>(List.of("list", THREAD, "--base-url", fake.baseUrl()));
        all.addAll(List.of(args));
        return InProcess.run(env, all.toArray(String[]::new));
    }

    @Test
    void aLastErrorWithoutCodeIsPrintedNotACrash() {
        Result r = list("--all");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        assertThat(r.outLines()).hasSize(4).anySatisfy(l -> assertThat(l).startsWith("run_nocode").endsWith("boom, no code"));
    }

    @Test
    void tableRowsShowServerTextWithoutAnyControlCharacter() {
        Result r = list("--all");
        assertThat(r.out()).doesNotContainPattern("[\\x00-\\x09\\x0b-\\x1f\\x7f-\\x9f\\u202a-\\u202e]");
        assertThat(r.out()).contains("gpt\\x1B[31m-red").contains("Set title\\x1B]0;owned\\x07, clear\\x1B[2J");
    }

    @Test
    void jsonLinesKeepServerTextExactlyEscapedAsJson() {
        Result r = list("--all", "--format", "jsonl");
        List<Run> runs = r.outLines().stream().map(l -> RunsJson.standard().readRun(l.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.toList());
        assertThat(runs).extracting(Run::id).containsExactly("run_ok", "run_hostile", "run_nocode");
        assertThat(runs.get(1).lastError().message()).isEqualTo(HOSTILE_MESSAGE);
        assertThat(r.out()).doesNotContain("\u001b");
    }

    @Test
    void csvIsRfc4180WithAHeaderCrlfAndIsoTimestamps() {
        Result r = list("--all", "--format", "csv", "--order", "asc");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).endsWith("\r\n");
        assertThat(r.out().replace("\r\n", "")).doesNotContain("\n\"").doesNotContain("\u001b");
        List<List<String>> records = Csv.parse(r.out());
        assertThat(records).hasSize(4);
        assertThat(records.get(0)).containsExactly("id", "status", "created_at", "model", "total_tokens", "last_error_code",
                "last_error_message", "started_at", "expires_at", "cancelled_at", "failed_at", "completed_at");
        assertThat(records.get(1)).containsExactly("run_nocode", "failed", "2026-05-01T10:00:10Z", "gpt-4o", "15", "",
                "boom, no code", "2026-05-01T10:00:11Z", "", "", "2026-05-01T10:00:20Z", "");
        List<String> hostile = records.get(2);
        assertThat(hostile.get(3)).isEqualTo("gpt\\x1B[31m-red");
        assertThat(hostile.get(5)).isEqualTo("server_error");
        // commas, quotes and the CR LF survive quoting; escape sequences are made visible
        assertThat(hostile.get(6)).isEqualTo("Set title\\x1B]0;owned\\x07, clear\\x1B[2J \"quoted\"\r\nsecond line \\u202Etxt.exe");
        assertThat(records.get(3).get(0)).isEqualTo("run_ok");
        assertThat(records.get(3).get(11)).isEqualTo("2026-05-01T10:00:40Z");
    }

    @Test
    void theTableFitsColumns() {
        for (int columns : new int[] {40, 70, 100}) {
            Result r = InProcess.run(Map.of("OPENAI_API_KEY", fake.apiKey(), "COLUMNS", Integer.toString(columns)),
                    "list", THREAD, "--base-url", fake.baseUrl());
            assertThat(r.outLines()).hasSize(4).allSatisfy(l -> assertThat(TerminalText.width(l)).isLessThanOrEqualTo(columns));
        }
    }

    @Test
    void anUnknownStatusIsAUsageErrorNamingTheKnownOnesBeforeAnyRequest() {
        int before = fake.requestCount();
        Result r = list("--all", "--status", "failed,nonsense");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("unknown status 'nonsense'").contains(Statuses.names());
        assertThat(r.out()).isEmpty();
        assertThat(fake.requestCount()).isEqualTo(before);
        assertThat(list("--status", " FAILED ").code()).isEqualTo(0); // case and blanks do not matter
    }

    @Test
    void flagsAreCheckedBeforeTheEmbeddedFakeStarts() {
        Result transport = InProcess.run("list", "thread_demo", "--transport", "netty");
        assertThat(transport.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(transport.err()).contains("unknown transport 'netty'").contains("apache, jdk")
                .doesNotContain("embedded fake");
        Result status = InProcess.run("stats", "thread_demo", "--status", "done");
        assertThat(status.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(status.err()).doesNotContain("embedded fake");
    }

    @Test
    void quietPrintsOnlyTheData() {
        Result r = InProcess.run("list", "thread_demo", "--quiet", "--all", "--status", "completed", "--format", "jsonl");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.err()).isEmpty();
        assertThat(r.outLines()).isNotEmpty().allSatisfy(l -> assertThat(l).startsWith("{\"id\":"));
        Result none = list("--quiet", "--status", "expired");
        assertThat(none.err()).isEmpty();
        assertThat(none.outLines()).hasSize(1).allSatisfy(l -> assertThat(l).startsWith("ID"));
        Result noisy = list("--status", "expired");
        assertThat(noisy.outLines()).contains("(no runs)");
    }

    @Test
    void statsGivesTheExactFiguresAsJson() throws Exception {
        Result r = InProcess.run(env, "stats", "thread_six", "--base-url", fake.baseUrl(), "--format", "json");
        assertThat(r.code()).as(r.err()).isEqualTo(0);
        com.fasterxml.jackson.core.JsonParser p = new com.fasterxml.jackson.core.JsonFactory().createParser(r.out());
        Map<String, Object> json = Json.object(p);
        assertThat(json.get("thread_id")).isEqualTo("thread_six");
        assertThat(json.get("runs")).isEqualTo(6L);
        assertThat(json.get("first_created_at")).isEqualTo("2026-05-01T10:00:00Z");
        assertThat(json.get("last_created_at")).isEqualTo("2026-05-01T11:00:00Z");
        assertThat(json.get("span_seconds")).isEqualTo(3600L);
        assertThat(json.get("statuses")).isEqualTo(List.of(Map.of("status", "failed", "runs", 2L),
                Map.of("status", "completed", "runs", 2L), Map.of("status", "in_progress", "runs", 1L),
                Map.of("status", "cancelled", "runs", 1L)));
        assertThat(json.get("runs_with_error")).isEqualTo(2L);
        Map<String, Object> noCode = new java.util.HashMap<>();
        noCode.put("code", null);
        noCode.put("runs", 1L);
        assertThat(json.get("last_error_codes")).isEqualTo(List.of(noCode, Map.of("code", "server_error", "runs", 1L)));
        assertThat(json.get("tokens")).isEqualTo(Map.of("runs", 3L,
                "prompt", Map.of("sum", 600L, "mean", 200.0, "max", 300L),
                "completion", Map.of("sum", 150L, "mean", 50.0, "max", 100L),
                "total", Map.of("sum", 750L, "mean", 250.0, "max", 300L)));
        assertThat(json.get("duration_seconds")).isEqualTo(Map.of("runs", 4L, "percentiles", "nearest-rank",
                "p50", 20L, "p95", 60L, "max", 60L));
        assertThat(json.get("models")).isEqualTo(List.of(Map.of("model", "gpt-4.1", "runs", 2L),
                Map.of("model", "gpt-4o", "runs", 2L), Map.of("model", "gpt-4o-mini", "runs", 2L)));
    }

    @Test
    void statsAsTextShowsBarsCodesTokensDurationsModelsAndSpan() {
        Result r = InProcess.run(env, "stats", "thread_six", "--base-url", fake.baseUrl());
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).isEqualTo(String.join("\n",
                "thread_six: 6 runs, created 2026-05-01 10:00:00Z to 2026-05-01 11:00:00Z (1h 00m)",
                "",
                "Runs by status",
                "  failed      2  ████████████████████████████████████████   33.3%",
                "  completed   2  ████████████████████████████████████████   33.3%",
                "  in_progress 1  ████████████████████                       16.7%",
                "  cancelled   1  ████████████████████                       16.7%",
                "",
                "Last error codes (2 runs with an error)",
                "  (no code)    1",
                "  server_error 1",
                "",
                "Tokens (3 runs with usage)",
                "                        sum         mean        max",
                "  prompt                600        200.0        300",
                "  completion            150         50.0        100",
                "  total                 750        250.0        300",
                "",
                "Run duration (4 runs, started_at to completed_at/failed_at/cancelled_at, nearest-rank percentiles)",
                "  p50 20s   p95 1m 00s   max 1m 00s",
                "",
                "Runs per model",
                "  gpt-4.1     2",
                "  gpt-4o      2",
                "  gpt-4o-mini 2",
                ""));
    }

    @Test
    void statsFiltersByStatusAndMax() {
        Result r = InProcess.run(env, "stats", "thread_six", "--base-url", fake.baseUrl(), "--status", "failed", "--format", "json");
        assertThat(r.out()).contains("\"runs\" : 2,").contains("\"status\" : \"failed\"").doesNotContain("completed\"");
        Result max = InProcess.run(env, "stats", "thread_six", "--base-url", fake.baseUrl(), "--max", "3", "--format", "json");
        assertThat(max.out()).contains("\"runs\" : 3,");
    }

    @Test
    void statsWorksOnTheEmbeddedDemoThread() {
        Result r = InProcess.run("stats", "thread_demo");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).startsWith("thread_demo: 300 runs, created ").contains("Runs by status").contains("█")
                .contains("Last error codes").contains("Tokens (").contains("Run duration (").contains("Runs per model");
    }

    @Test
    void serveFakeOnABusyPortSaysSoWithItsOwnExitCode() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            Result r = InProcess.run("serve-fake", "--port", Integer.toString(taken.getLocalPort()));
            assertThat(r.code()).isEqualTo(ExitCodes.PORT_UNAVAILABLE);
            assertThat(r.errLines()).containsExactly("runlist: cannot listen on 127.0.0.1:" + taken.getLocalPort()
                    + ": the port is in use. Choose another with --port, or --port 0 for a free one.");
        }
        assertThat(InProcess.run("serve-fake", "--port", "70000").code()).isEqualTo(ExitCodes.USAGE);
    }

    @Test
    void threadIdsAreQuotedForTheShell() {
        assertThat(ServeFakeCommand.shellQuote("thread_demo")).isEqualTo("thread_demo");
        assertThat(ServeFakeCommand.shellQuote("my thread")).isEqualTo("'my thread'");
        assertThat(ServeFakeCommand.shellQuote("it's $HOME;rm")).isEqualTo("'it'\\''s $HOME;rm'");
        assertThat(ServeFakeCommand.shellQuote("")).isEqualTo("''");
    }
}
