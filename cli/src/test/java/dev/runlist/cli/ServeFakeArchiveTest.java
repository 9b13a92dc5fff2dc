package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.ListRunsParams;
import dev.runlist.Order;
import dev.runlist.RunsClient;
import dev.runlist.errors.BadRequestException;
import dev.runlist.errors.NotFoundException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.testing.FakeRunsApi;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The archive round trip: a thread listed to JSONL by {@code runlist list --format jsonl}, served by
 * {@code serve-fake --data FILE}, and listed again gives the same runs, byte for byte, in the same
 * order; any client reads it with the API's cursors, order and errors.
 */
class ServeFakeArchiveTest {

    /** A run with fields this version does not know, at the top level and inside a tool. */
    private static final String ODD_RUN = "{\"id\":\"run_odd\",\"object\":\"thread.run\",\"created_at\":1754000000,"
            + "\"assistant_id\":\"asst_1\",\"thread_id\":\"thread_rt\",\"status\":\"completed\",\"model\":\"gpt-4o\","
            + "\"tools\":[{\"type\":\"file_search\",\"file_search\":{\"ranking_options\":{\"ranker\":\"auto\","
            + "\"x_boost\":2}}},{\"type\":\"web_browser\",\"x\":[1,2]}],\"x_archived_by\":{\"tool\":\"runlist\"}}";

    @TempDir
    Path dir;

    @Test
    void aThreadListedToJsonLinesServedAndListedAgainIsTheSameByteForByte() throws Exception {
        List<String> exported;
        List<Run> source;
        try (FakeRunsApi original = FakeRunsApi.builder()
                .clock(Clock.fixed(Instant.parse("2026-08-20T00:00:00Z"), ZoneOffset.UTC)).build()) {
            original.seedThread("thread_rt", 230, 17);
            original.addRun(RunsJson.standard().readRun(ODD_RUN.getBytes(StandardCharsets.UTF_8)));
            original.seedThread("thread_other", 5, 18);
            source = original.runs("thread_rt");
            exported = list(original.baseUrl(), "thread_rt");
        }
        assertThat(exported).hasSize(231);
        assertThat(exported.stream().filter(l -> l.contains("\"x_archived_by\":{\"tool\":\"runlist\"}"))).hasSize(1);
        Path archive = dir.resolve("thread_rt.jsonl");
        Files.write(archive, exported);

        try (ServeFakeProcess server = new ServeFakeProcess(List.of(), "--data", archive.toString())) {
            assertThat(server.banner()).contains("thread:   thread_rt (231 runs from " + archive + ")")
                    .noneMatch(l -> l.contains("thread_demo"));
            assertThat(list(server.baseUrl(), "thread_rt")).containsExactlyElementsOf(exported);

            try (RunsClient client = RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY)
                    .baseUrl(server.baseUrl()).build()) {
                List<Run> ascending = client.listAll("thread_rt", ListRunsParams.builder().order(Order.ASC).limit(9)
                        .build()).stream().collect(Collectors.toList());
                assertThat(ascending).isEqualTo(source);
                List<Run> backward = client.listAll("thread_rt", ListRunsParams.builder().order(Order.ASC).limit(13)
                        .before(source.get(source.size() - 1).id()).build()).stream().collect(Collectors.toList());
                List<Run> nearestFirst = new ArrayList<>(source.subList(0, source.size() - 1));
                Collections.reverse(nearestFirst);
                assertThat(backward).isEqualTo(nearestFirst);
                assertThatThrownBy(() -> client.list("thread_rt", ListRunsParams.builder().after("run_never").build()))
                        .isInstanceOf(BadRequestException.class);
                assertThatThrownBy(() -> client.list("thread_other")).isInstanceOf(NotFoundException.class);
            }
        }
    }

    @Test
    void aBrokenArchiveIsABadFlagNamingTheLine() throws Exception {
        Path archive = Files.writeString(dir.resolve("broken.jsonl"), "{\"id\":\"run_1\"}\n");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunlistCli.class.getName(), "serve-fake",
                "--data", archive.toString()).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isEqualTo(ExitCodes.USAGE);
        assertThat(out).contains("--data: " + archive + " at line 1 (byte 0): not a run");
    }

    /** {@code runlist list THREAD --all --format jsonl} against {@code baseUrl}, as a process. */
    private static List<String> list(String baseUrl, String thread) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), RunlistCli.class.getName(), "list", thread, "--all",
                "--limit", "37", "--format", "jsonl", "--base-url", baseUrl);
        pb.environment().put("OPENAI_API_KEY", FakeRunsApi.DEFAULT_API_KEY);
        pb.environment().remove("AZURE_OPENAI_ENDPOINT");
        pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        Process p = pb.start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).isZero();
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().collect(Collectors.toList());
        return Collections.unmodifiableList(lines);
    }
}
