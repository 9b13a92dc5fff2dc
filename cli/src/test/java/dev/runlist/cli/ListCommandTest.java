package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.model.RunStatus;
import dev.runlist.cli.InProcess.Result;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code runlist list} in-process, on the embedded fake (these tests run without OPENAI_API_KEY). */
class ListCommandTest {

    private static Result run(String... args) {
        return InProcess.run(args);
    }

    private static List<String> lines(String s) {
        return InProcess.lines(s);
    }

    @Test
    void tableShowsOnePageOfTheDemoThreadInAlignedColumns() {
        Result r = run("list", "thread_demo");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.err()).contains("OPENAI_API_KEY is not set").contains("embedded fake");
        List<String> lines = lines(r.out());
        assertThat(lines).hasSize(21);
        assertThat(lines.get(0)).startsWith("ID").contains("STATUS").contains("CREATED").contains("MODEL")
                .contains("TOKENS").contains("LAST ERROR");
        int statusColumn = lines.get(0).indexOf("STATUS");
        assertThat(lines.subList(1, 21)).allSatisfy(l -> {
            assertThat(l).startsWith("run_");
            assertThat(l.charAt(statusColumn - 1)).isEqualTo(' ');
            assertThat(l.charAt(statusColumn)).isNotEqualTo(' ');
        });
    }

    @Test
    void jsonIsThePageAsTheApiReturnedIt() {
        Result r = run("list", "thread_demo", "--format", "json", "--limit", "7", "--order", "asc");
        assertThat(r.code()).isEqualTo(0);
        RunListResponse page = RunsJson.standard().readPage(r.out().getBytes(StandardCharsets.UTF_8));
        assertThat(page.data()).hasSize(7);
        assertThat(page.hasMore()).isTrue();
        assertThat(page.firstId()).isEqualTo(page.data().get(0).id());
        assertThat(page.data()).extracting(Run::createdAt).isSorted();
        assertThat(r.out()).contains("\n  \"data\": [");
    }

    @Test
    void jsonlWithAllListsEveryRunOnceNewestFirst() {
        Result r = run("list", "thread_demo", "--all", "--format", "jsonl", "--limit", "100");
        assertThat(r.code()).isEqualTo(0);
        List<Run> runs = lines(r.out()).stream().map(l -> RunsJson.standard().readRun(l.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.toList());
        assertThat(runs).hasSize(ApiConnection.DEMO_RUNS);
        assertThat(runs.stream().map(Run::id).distinct().count()).isEqualTo(ApiConnection.DEMO_RUNS);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i).createdAt()).isBeforeOrEqualTo(runs.get(i - 1).createdAt());
        }
        assertThat(r.err()).doesNotContain("runs/s"); // stderr is not a terminal here
    }

    @Test
    void statusFilterAndMaxApplyToTheListing() {
        Result r = run("list", "thread_demo", "--all", "--format", "jsonl", "--status", "failed,expired", "--max", "5");
        assertThat(r.code()).isEqualTo(0);
        List<Run> runs = lines(r.out()).stream().map(l -> RunsJson.standard().readRun(l.getBytes(StandardCharsets.UTF_8)))
                .collect(Collectors.toList());
        assertThat(runs).hasSize(5).allSatisfy(run ->
                assertThat(run.status()).isIn(RunStatus.FAILED, RunStatus.EXPIRED));
    }

    @Test
    void backwardListingWithBeforeWalksTowardTheFront() {
        Result all = run("list", "thread_demo", "--all", "--format", "jsonl", "--order", "asc", "--limit", "100");
        List<String> ids = lines(all.out()).stream()
                .map(l -> RunsJson.standard().readRun(l.getBytes(StandardCharsets.UTF_8)).id()).collect(Collectors.toList());
        String cursor = ids.get(150);
        Result back = run("list", "thread_demo", "--all", "--format", "jsonl", "--order", "asc", "--limit", "40",
                "--before", cursor);
        List<String> backIds = lines(back.out()).stream()
                .map(l -> RunsJson.standard().readRun(l.getBytes(StandardCharsets.UTF_8)).id()).collect(Collectors.toList());
        List<String> expected = new java.util.ArrayList<>(ids.subList(0, 150));
        java.util.Collections.reverse(expected);
        assertThat(backIds).isEqualTo(expected);
    }

    @Test
    void badFlagsAreUsageErrorsNamingTheFlag() {
        Result limit = run("list", "thread_demo", "--limit", "0");
        assertThat(limit.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(limit.err()).contains("limit").contains("1 and 100");
        Result order = run("list", "thread_demo", "--order", "sideways");
        assertThat(order.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(order.err()).contains("order").contains("sideways");
        Result format = run("list", "thread_demo", "--format", "xml");
        assertThat(format.code()).isEqualTo(ExitCodes.USAGE);
        Result missing = run("list");
        assertThat(missing.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(missing.err()).contains("THREAD_ID");
    }

    @Test
    void apiErrorIsOneLineWithStatusRequestIdAndAHint() {
        Result r = run("list", "thread_nope");
        assertThat(r.code()).isEqualTo(ExitCodes.API_ERROR);
        List<String> errLines = lines(r.err());
        String last = errLines.get(errLines.size() - 1);
        assertThat(last).startsWith("runlist: the API answered HTTP 404").contains("thread_nope")
                .contains("request id req_").contains("Check the thread id");
    }

    @Test
    void helpAndVersion() {
        Result help = run("list", "--help");
        assertThat(help.code()).isEqualTo(0);
        assertThat(help.out()).contains("--limit").contains("--format").contains("--transport").contains("Exit codes");
        Result version = run("--version");
        assertThat(version.code()).isEqualTo(0);
        assertThat(version.out()).startsWith("runlist " + dev.runlist.RunsClient.VERSION).contains("Java 17")
                .doesNotStartWith("runlist dev");
        Result top = run("--help");
        assertThat(top.out()).contains("list").contains("serve-fake");
    }

    @Test
    void bothTransportsCanBeChosen() {
        for (String transport : new String[] {"jdk", "apache"}) {
            Result r = run("list", "thread_demo", "--transport", transport, "--format", "jsonl", "--limit", "3");
            assertThat(r.code()).as(transport).isEqualTo(0);
            assertThat(lines(r.out())).hasSize(3);
        }
        Result unknown = run("list", "thread_demo", "--transport", "okhttp");
        assertThat(unknown.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(unknown.err()).contains("okhttp").contains("jdk").contains("apache");
    }
}
