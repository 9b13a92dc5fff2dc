package dev.runlist.json;

import static dev.runlist.json.Fixtures.obj;
import static dev.runlist.json.Fixtures.str;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.model.IncompleteDetails;
import dev.runlist.model.JsonValue;
import dev.runlist.model.LastError;
import dev.runlist.model.ResponseFormat;
import dev.runlist.model.ResponseFormatMode;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.model.RunStatus;
import dev.runlist.model.Tool;
import dev.runlist.model.ToolChoice;
import dev.runlist.model.ToolChoiceMode;
import dev.runlist.model.TruncationStrategy;
import dev.runlist.model.TruncationType;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Whatever runlist writes, it reads back as an equal value: compact and pretty, every shape. */
class RoundTripTest {

    private final RunsJson json = RunsJson.standard();

    static Stream<Arguments> runs() {
        List<Arguments> cases = new ArrayList<>();
        Run base = Fixtures.minimal();
        cases.add(Arguments.of("minimal", base));
        cases.add(Arguments.of("everything", Fixtures.everything()));
        for (RunStatus s : List.of(RunStatus.QUEUED, RunStatus.IN_PROGRESS, RunStatus.REQUIRES_ACTION,
                RunStatus.CANCELLING, RunStatus.CANCELLED, RunStatus.FAILED, RunStatus.COMPLETED,
                RunStatus.INCOMPLETE, RunStatus.EXPIRED, RunStatus.of("brand_new"))) {
            cases.add(Arguments.of("status " + s, base.toBuilder().status(s).build()));
        }
        List<ToolChoice> choices = List.of(ToolChoiceMode.NONE, ToolChoiceMode.AUTO, ToolChoiceMode.REQUIRED,
                ToolChoiceMode.of("sometimes"), ToolChoice.Named.function("f"),
                new ToolChoice.Named("file_search", null), new ToolChoice.Named("code_interpreter", null,
                        Map.of(), Map.of("extra", str("x"))));
        for (ToolChoice c : choices) {
            cases.add(Arguments.of("tool_choice " + c, base.toBuilder().toolChoice(c).build()));
        }
        List<ResponseFormat> formats = List.of(ResponseFormatMode.AUTO, ResponseFormatMode.NONE,
                ResponseFormatMode.of("whatever"), new ResponseFormat.TextFormat(),
                new ResponseFormat.JsonObjectFormat(Map.of("k", str("v"))),
                new ResponseFormat.JsonSchemaFormat("n", null, null, null),
                new ResponseFormat.JsonSchemaFormat("n", "d", obj("type", str("object")), false),
                new ResponseFormat.UnknownResponseFormat("xml", obj("type", str("xml"), "dialect", str("v1"))));
        for (ResponseFormat f : formats) {
            cases.add(Arguments.of("response_format " + f, base.toBuilder().responseFormat(f).build()));
        }
        List<Tool> tools = List.of(new Tool.CodeInterpreterTool(), new Tool.FileSearchTool(null),
                new Tool.FileSearchTool(new Tool.FileSearchOptions(null, null)),
                new Tool.FunctionTool(new Tool.FunctionDefinition("f", null, JsonValue.JsonObject.EMPTY, false)),
                new Tool.UnknownTool("computer", obj("type", str("computer"), "w", Fixtures.num("1024"))));
        for (Tool t : tools) {
            cases.add(Arguments.of("tool " + t, base.toBuilder().tools(List.of(t)).build()));
        }
        cases.add(Arguments.of("unknown enum values", base.toBuilder()
                .lastError(new LastError(null, null))
                .incompleteDetails(new IncompleteDetails(null))
                .truncationStrategy(new TruncationStrategy(TruncationType.of("middle_out"), null))
                .build()));
        cases.add(Arguments.of("empty metadata", base.toBuilder().metadata(Map.of()).build()));
        cases.add(Arguments.of("other object", base.toBuilder().object("thread.run.v2").build()));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void runSurvivesCompactAndPrettyRoundTrips(String name, Run run) {
        for (boolean pretty : new boolean[] {false, true}) {
            byte[] bytes = json.writeRun(run, pretty);
            assertThat(json.readRun(bytes)).as("pretty=%s", pretty)
                    .isEqualTo(run);
            assertThat(json.readRun(new ByteArrayInputStream(bytes))).isEqualTo(run);
        }
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void pageSurvivesRoundTripWithUnknownFields(boolean pretty) {
        RunListResponse page = new RunListResponse(
                List.of(Fixtures.everything(), Fixtures.minimal()), "run_everything", "run_min", true, "list",
                Fixtures.unknowns());
        byte[] bytes = json.writePage(page, pretty);
        assertThat(json.readPage(bytes)).isEqualTo(page);
        assertThat(json.readPage(new ByteArrayInputStream(bytes))).isEqualTo(page);
    }

    @Test
    void absentAndNullDecodeToTheSameValue() {
        String absent = "{\"id\":\"r\",\"created_at\":1,\"thread_id\":\"t\",\"assistant_id\":\"a\","
                + "\"status\":\"queued\",\"model\":\"m\"}";
        String nulls = "{\"id\":\"r\",\"object\":\"thread.run\",\"created_at\":1,\"thread_id\":\"t\","
                + "\"assistant_id\":\"a\",\"status\":\"queued\",\"model\":\"m\",\"required_action\":null,"
                + "\"last_error\":null,\"expires_at\":null,\"instructions\":null,\"tools\":null,"
                + "\"metadata\":null,\"usage\":null,\"temperature\":null,\"tool_choice\":null,"
                + "\"response_format\":null,\"parallel_tool_calls\":null,\"tool_resources\":null}";
        Run a = json.readRun(absent.getBytes(StandardCharsets.UTF_8));
        Run n = json.readRun(nulls.getBytes(StandardCharsets.UTF_8));
        assertThat(a).isEqualTo(n).isEqualTo(Fixtures.minimal().toBuilder()
                .id("r").createdAt(java.time.Instant.ofEpochSecond(1)).threadId("t").assistantId("a")
                .model("m").build());
        assertThat(a.tools()).isEmpty();
        assertThat(a.metadata()).isNull();
        assertThat(a.additionalProperties()).isEmpty();
        assertThat(a.object()).isEqualTo("thread.run");
    }

    @Test
    void unionObjectsWhoseTypeComesLastDecodeLikeTypeFirst() {
        String run = "{\"id\":\"r\",\"created_at\":1,\"thread_id\":\"t\",\"assistant_id\":\"a\","
                + "\"status\":\"queued\",\"model\":\"m\",\"tools\":["
                + "{\"function\":{\"name\":\"f\",\"parameters\":{\"type\":\"object\"}},\"x\":1,\"type\":\"function\"},"
                + "{\"depth\":2,\"type\":\"web_search\"},"
                + "{\"file_search\":{\"max_num_results\":3},\"type\":\"file_search\"}],"
                + "\"response_format\":{\"json_schema\":{\"name\":\"n\"},\"type\":\"json_schema\"},"
                + "\"tool_choice\":{\"function\":{\"name\":\"f\"},\"type\":\"function\"}}";
        Run r = json.readRun(run.getBytes(StandardCharsets.UTF_8));
        assertThat(r.tools()).containsExactly(
                new Tool.FunctionTool(new Tool.FunctionDefinition("f", null, obj("type", str("object")), null),
                        Map.of("x", Fixtures.num("1"))),
                new Tool.UnknownTool("web_search", obj("depth", Fixtures.num("2"), "type", str("web_search"))),
                new Tool.FileSearchTool(new Tool.FileSearchOptions(3, null)));
        assertThat(r.responseFormat()).isEqualTo(new ResponseFormat.JsonSchemaFormat("n", null, null, null));
        assertThat(r.toolChoice()).isEqualTo(ToolChoice.Named.function("f"));
        assertThat(json.readRun(json.writeRun(r, false))).isEqualTo(r);
    }

    @Test
    void unknownUnionVariantIsWrittenBackUnchanged() {
        String tool = "{\"type\":\"web_search\",\"depth\":2,\"opts\":{\"b\":[1,2.50,\"x\"],\"a\":null}}";
        String run = "{\"id\":\"r\",\"created_at\":1,\"thread_id\":\"t\",\"assistant_id\":\"a\","
                + "\"status\":\"queued\",\"model\":\"m\",\"tools\":[" + tool + "]}";
        Run r = json.readRun(run.getBytes(StandardCharsets.UTF_8));
        assertThat(r.tools().get(0).type()).isEqualTo("web_search");
        assertThat(new String(json.writeRun(r, false), StandardCharsets.UTF_8)).contains("\"tools\":[" + tool + "]");
    }

    @Test
    void streamThatHandsOutOneByteAtATimeDecodesTheSame() {
        RunListResponse page = new RunListResponse(List.of(Fixtures.everything()), "a", "b", false);
        byte[] bytes = json.writePage(page, true);
        java.io.InputStream trickle = new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
        assertThat(json.readPage(trickle)).isEqualTo(page);
    }

    @Test
    void writeDoesNotCloseTheStreamAndFlushesIt() {
        boolean[] closed = {false};
        ByteArrayOutputStream out = new ByteArrayOutputStream() {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        json.writeRun(Fixtures.minimal(), out, false);
        assertThat(closed[0]).isFalse();
        assertThat(json.readRun(out.toByteArray())).isEqualTo(Fixtures.minimal());
    }

    @Test
    void readDoesNotCloseTheStream() {
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(json.writeRun(Fixtures.minimal(), false)) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };
        json.readRun(in);
        assertThat(closed[0]).isFalse();
    }

    @Test
    void unicodeAndEscapesSurviveExactly() {
        Run run = Fixtures.everything();
        Run back = json.readRun(json.writeRun(run, true));
        assertThat(back.metadata()).containsExactlyEntriesOf(run.metadata());
        assertThat(back.instructions()).isEqualTo("Be brief.\nReally. \u2028 😀");
        String compact = new String(json.writeRun(run, false), StandardCharsets.UTF_8);
        assertThat(compact).contains("\\\"quoted\\\"", "back\\\\slash", "\\t tab", "\\u0001", "🎉");
    }

    @Test
    void oneCodecServesManyThreads() throws Exception {
        RunListResponse page = new RunListResponse(
                List.of(Fixtures.everything(), Fixtures.minimal()), "run_everything", "run_min", true);
        byte[] bytes = json.writePage(page, false);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new ArrayList<>();
            for (int i = 0; i < 64; i++) {
                boolean pretty = i % 2 == 0;
                results.add(pool.submit(() -> json.readPage(json.writePage(json.readPage(bytes), pretty)).equals(page)));
            }
            for (java.util.concurrent.Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
