package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.ListRunsParams;
import dev.runlist.Order;
import dev.runlist.RunsClient;
import dev.runlist.errors.BadRequestException;
import dev.runlist.errors.NotFoundException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link FakeRunsApi#load}: archives of runs served as they were read, with the API's order, cursors and errors. */
class ArchiveTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-08-01T00:00:00Z"), ZoneOffset.UTC);
    /** A run as a newer API might have sent it: unknown fields at every level, no score_threshold. */
    private static final String ODD_RUN = "{\"id\":\"run_odd\",\"object\":\"thread.run\",\"created_at\":1754000000,"
            + "\"assistant_id\":\"asst_1\",\"thread_id\":\"thread_a\",\"status\":\"completed\",\"started_at\":null,"
            + "\"expires_at\":null,\"cancelled_at\":null,\"failed_at\":null,\"completed_at\":1754000009,"
            + "\"required_action\":null,\"last_error\":null,\"model\":\"gpt-4o\",\"instructions\":null,"
            + "\"tools\":[{\"type\":\"file_search\",\"file_search\":{\"ranking_options\":{\"ranker\":\"auto\","
            + "\"x_boost\":2}}},{\"type\":\"web_browser\",\"x\":[1,2]}],\"metadata\":{},\"incomplete_details\":null,"
            + "\"usage\":null,\"temperature\":1.0,\"top_p\":1.0,\"max_prompt_tokens\":null,"
            + "\"max_completion_tokens\":null,\"truncation_strategy\":null,\"tool_choice\":\"auto\","
            + "\"parallel_tool_calls\":true,\"response_format\":\"auto\",\"x_archived_by\":{\"tool\":\"runlist\","
            + "\"at\":[2026,8,25]}}";

    @TempDir
    Path dir;

    @Test
    void jsonLinesAreGroupedByThreadAndServedInTheApiOrderWithUnknownFieldsKept() throws Exception {
        List<Run> a = RunFixtures.create(1, CLOCK).runs("thread_a", 40);
        List<Run> b = RunFixtures.create(2, CLOCK).runs("thread_b", 15);
        List<String> lines = new ArrayList<>();
        List<Run> shuffled = new ArrayList<>(a);
        shuffled.addAll(b);
        Collections.shuffle(shuffled, new java.util.Random(3));
        shuffled.forEach(run -> lines.add(new String(RunsJson.standard().writeRun(run, false), StandardCharsets.UTF_8)));
        lines.add(7, ODD_RUN);
        Path file = Files.write(dir.resolve("runs.jsonl"), lines);

        try (FakeRunsApi fake = FakeRunsApi.create()) {
            assertThat(fake.load(file)).containsExactlyInAnyOrderEntriesOf(Map.of("thread_a", 41, "thread_b", 15));
            RunsClient client = fake.client();
            List<Run> ascending = client.listAll("thread_b", ListRunsParams.builder().limit(4).order(Order.ASC).build())
                    .stream().collect(Collectors.toList());
            assertThat(ascending).isEqualTo(b);
            String page = body(fake, "/v1/threads/thread_a/runs?limit=100");
            Run odd = RunsJson.standard().readRun(ODD_RUN.getBytes(StandardCharsets.UTF_8));
            assertThat(RunsJson.standard().readPage(page.getBytes(StandardCharsets.UTF_8)).data()).contains(odd);
            String compact = page.replaceAll("\\s", "");
            assertThat(compact).contains("\"x_archived_by\":{\"tool\":\"runlist\",\"at\":[2026,8,25]}")
                    .contains("{\"type\":\"web_browser\",\"x\":[1,2]}")
                    .contains("\"ranking_options\":{\"ranker\":\"auto\",\"x_boost\":2}");
            assertThatThrownBy(() -> client.list("thread_a", ListRunsParams.builder().after("run_never").build()))
                    .isInstanceOf(BadRequestException.class);
            assertThatThrownBy(() -> client.list("thread_c")).isInstanceOf(NotFoundException.class);
        }
    }

    @Test
    void savedPagesLoadAndARunRepeatedByOverlappingPagesIsAddedOnce() throws Exception {
        List<Run> runs = RunFixtures.create(4, CLOCK).runs("thread_p", 30);
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.write(RunsJson.standard().writePage(page(runs.subList(0, 20), true), true));
        file.write('\n');
        file.write(RunsJson.standard().writePage(page(runs.subList(19, 30), false), true));
        Path saved = Files.write(dir.resolve("pages.json"), file.toByteArray());
        try (FakeRunsApi fake = FakeRunsApi.create()) {
            assertThat(fake.load(saved)).containsExactlyEntriesOf(Map.of("thread_p", 30));
            assertThat(fake.runs("thread_p")).isEqualTo(runs);
        }
    }

    @Test
    void aBrokenArchiveNamesTheFileTheLineAndTheProblem() throws Exception {
        String good = new String(RunsJson.standard().writeRun(RunFixtures.create(5, CLOCK).runs("t", 1).get(0), false),
                StandardCharsets.UTF_8);
        Path broken = Files.writeString(dir.resolve("broken.jsonl"), good + "\n{\"id\": \"run_x\",, }\n");
        Path notARun = Files.writeString(dir.resolve("notarun.jsonl"), good + "\n" + good + "\n{\"id\":\"run_y\"}\n");
        Path clash = Files.writeString(dir.resolve("clash.jsonl"),
                good + "\n" + good.replace("\"status\":\"", "\"status\":\"x") + "\n");
        Path array = Files.writeString(dir.resolve("array.json"), "[1, 2]");
        try (FakeRunsApi fake = FakeRunsApi.create()) {
            assertThatThrownBy(() -> fake.load(broken)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(broken + " at line 2").hasMessageContaining("not JSON");
            assertThatThrownBy(() -> fake.load(notARun)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith(notARun + " at line 3 (byte "
                            + (2 * good.getBytes(StandardCharsets.UTF_8).length + 2) + "): not a run")
                    .hasMessageContaining("missing required field 'created_at'");
            assertThatThrownBy(() -> fake.load(clash)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("two different runs with id");
            assertThatThrownBy(() -> fake.load(array)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("expected a run or a page of runs");
            assertThatThrownBy(() -> fake.load(dir.resolve("missing.jsonl")))
                    .isInstanceOf(java.io.UncheckedIOException.class).hasMessageContaining("missing.jsonl");
        }
    }

    private static RunListResponse page(List<Run> runs, boolean hasMore) {
        return new RunListResponse(runs, runs.get(0).id(), runs.get(runs.size() - 1).id(), hasMore);
    }

    private static String body(FakeRunsApi fake, String target) throws Exception {
        TransportRequest request = TransportRequest.get(URI.create("http://fake.invalid" + target),
                Headers.builder().add("Authorization", "Bearer " + FakeRunsApi.DEFAULT_API_KEY)
                        .add("OpenAI-Beta", "assistants=v2").build());
        try (TransportResponse r = fake.transport().execute(request)) {
            return new String(r.body().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
