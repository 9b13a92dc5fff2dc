package dev.runlist.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.model.CodeInterpreterResources;
import dev.runlist.model.FunctionCall;
import dev.runlist.model.IncompleteDetails;
import dev.runlist.model.IncompleteReason;
import dev.runlist.model.LastError;
import dev.runlist.model.LastErrorCode;
import dev.runlist.model.RequiredAction;
import dev.runlist.model.ResponseFormat;
import dev.runlist.model.ResponseFormatMode;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.model.RunStatus;
import dev.runlist.model.SubmitToolOutputs;
import dev.runlist.model.Tool;
import dev.runlist.model.ToolCall;
import dev.runlist.model.ToolChoice;
import dev.runlist.model.ToolChoiceMode;
import dev.runlist.model.ToolResources;
import dev.runlist.model.TruncationStrategy;
import dev.runlist.model.TruncationType;
import dev.runlist.model.Usage;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The examples published with the API decode to exactly what they say. */
class SpecExamplesTest {

    private final RunsJson json = RunsJson.standard();

    /** The second run of the published page, field by field as the API documents it. */
    private static Run publishedRun(String id, long created, long completed) {
        return Run.builder()
                .id(id)
                .object("thread.run")
                .createdAt(Instant.ofEpochSecond(created))
                .assistantId("asst_abc123")
                .threadId("thread_abc123")
                .status(RunStatus.COMPLETED)
                .startedAt(Instant.ofEpochSecond(created))
                .completedAt(Instant.ofEpochSecond(completed))
                .model("gpt-4o")
                .instructions(null)
                .tools(List.of(new Tool.CodeInterpreterTool()))
                .toolResources(new ToolResources(
                        new CodeInterpreterResources(List.of("file-abc123", "file-abc456")), null))
                .metadata(Map.of())
                .usage(new Usage(456, 123, 579))
                .temperature(1.0)
                .topP(1.0)
                .maxPromptTokens(1000)
                .maxCompletionTokens(1000)
                .truncationStrategy(new TruncationStrategy(TruncationType.AUTO, null))
                .responseFormat(ResponseFormatMode.AUTO)
                .toolChoice(ToolChoiceMode.AUTO)
                .parallelToolCalls(true)
                .build();
    }

    @Test
    void officialSdkExamplePageDecodesEveryField() {
        RunListResponse page = json.readPage(Fixtures.resource("spec-example-page.json"));

        assertThat(page.object()).isEqualTo("list");
        assertThat(page.firstId()).isEqualTo("run_abc123");
        assertThat(page.lastId()).isEqualTo("run_abc456");
        assertThat(page.hasMore()).isFalse();
        assertThat(page.additionalProperties()).isEmpty();
        assertThat(page.data()).containsExactly(
                publishedRun("run_abc123", 1699075072, 1699075073),
                publishedRun("run_abc456", 1699063290, 1699063291));

        Run run = page.data().get(0);
        assertThat(run.instructions()).isNull();
        assertThat(run.requiredAction()).isNull();
        assertThat(run.lastError()).isNull();
        assertThat(run.expiresAt()).isNull();
        assertThat(run.cancelledAt()).isNull();
        assertThat(run.failedAt()).isNull();
        assertThat(run.incompleteDetails()).isNull();
        assertThat(run.toolResources().codeInterpreter().fileIds()).containsExactly("file-abc123", "file-abc456");
        assertThat(run.toolResources().fileSearch()).isNull();
        assertThat(run.parallelToolCalls()).isTrue();
        assertThat(run.additionalProperties()).isEmpty();
        assertThat(run.toString()).contains("run_abc123", "completed", "gpt-4o");
    }

    @Test
    void openapiRunExampleDecodes() {
        Run run = json.readRun(Fixtures.resource("openapi-example-run.json"));
        assertThat(run).isEqualTo(publishedRun("run_abc123", 1698107661, 1699073498).toBuilder()
                .startedAt(Instant.ofEpochSecond(1699073476))
                .tools(List.of(new Tool.FileSearchTool(null), new Tool.CodeInterpreterTool()))
                .toolResources(null)
                .build());
    }

    @Test
    void referencePageExampleWithRequiredActionAndErrorsDecodes() {
        RunListResponse page = json.readPage(new ByteArrayInputStream(Fixtures.resource("reference-example-page.json")));
        Instant t42 = Instant.ofEpochSecond(42);
        Run expected = Run.builder()
                .id("string")
                .object("thread.run")
                .createdAt(t42)
                .threadId("string")
                .assistantId("string")
                .status(RunStatus.QUEUED)
                .requiredAction(new RequiredAction("submit_tool_outputs", new SubmitToolOutputs(List.of(
                        new ToolCall("string", "function", new FunctionCall("string", "string"))))))
                .lastError(new LastError(LastErrorCode.SERVER_ERROR, "string"))
                .expiresAt(t42)
                .startedAt(t42)
                .cancelledAt(t42)
                .failedAt(t42)
                .completedAt(t42)
                .incompleteDetails(new IncompleteDetails(IncompleteReason.MAX_COMPLETION_TOKENS))
                .model("string")
                .instructions("string")
                .tools(List.of(new Tool.CodeInterpreterTool()))
                .metadata(Map.of())
                .usage(new Usage(42, 42, 42))
                .temperature(42.0)
                .topP(42.0)
                .maxPromptTokens(42)
                .maxCompletionTokens(42)
                .truncationStrategy(new TruncationStrategy(TruncationType.AUTO, 42))
                .toolChoice(ToolChoiceMode.NONE)
                .responseFormat(ResponseFormatMode.NONE)
                .build();
        assertThat(page).isEqualTo(new RunListResponse(List.of(expected), "run_abc123", "run_abc456", false));
        assertThat(page.data().get(0).parallelToolCalls()).isNull();
        assertThat(page.data().get(0).toolResources()).isNull();
    }

    @Test
    void prettyOutputIsByteForByteTheApisLayout() {
        String published = new String(Fixtures.resource("openapi-example-page-pretty.json"), StandardCharsets.UTF_8);
        RunListResponse page = json.readPage(published.getBytes(StandardCharsets.UTF_8));

        String written = new String(json.writePage(page, true), StandardCharsets.UTF_8);

        // The published example leaves out required_action; runlist writes it as null, as the API does.
        String expected = published.strip().replace(
                "      \"completed_at\": 1699075073,\n",
                "      \"completed_at\": 1699075073,\n      \"required_action\": null,\n")
                .replace(
                "      \"completed_at\": 1699063291,\n",
                "      \"completed_at\": 1699063291,\n      \"required_action\": null,\n");
        assertThat(written).isEqualTo(expected);
    }

    @Test
    void compactOutputHasNoWhitespace() {
        RunListResponse page = json.readPage(Fixtures.resource("spec-example-page.json"));
        String compact = new String(json.writePage(page, false), StandardCharsets.UTF_8);
        assertThat(compact).doesNotContain("\n", ": ", ", ")
                .startsWith("{\"object\":\"list\",\"data\":[{\"id\":\"run_abc123\",\"object\":\"thread.run\"")
                .endsWith("\"first_id\":\"run_abc123\",\"last_id\":\"run_abc456\",\"has_more\":false}");
    }

    @Test
    void emptyPageDecodesWithNullCursors() {
        String body = "{\"object\":\"list\",\"data\":[],\"first_id\":null,\"last_id\":null,\"has_more\":false}";
        RunListResponse page = json.readPage(body.getBytes(StandardCharsets.UTF_8));
        assertThat(page).isEqualTo(new RunListResponse(List.of(), null, null, false));
        assertThat(new String(json.writePage(page, false), StandardCharsets.UTF_8)).isEqualTo(body);
        assertThat(new String(json.writePage(page, true), StandardCharsets.UTF_8)).isEqualTo(
                "{\n  \"object\": \"list\",\n  \"data\": [],\n  \"first_id\": null,\n  \"last_id\": null,\n"
                        + "  \"has_more\": false\n}");
    }

    @Test
    void pageWithoutObjectOrCursorsDefaults() {
        RunListResponse page = json.readPage("{\"data\":[],\"has_more\":true}".getBytes(StandardCharsets.UTF_8));
        assertThat(page.object()).isEqualTo("list");
        assertThat(page.firstId()).isNull();
        assertThat(page.lastId()).isNull();
        assertThat(page.hasMore()).isTrue();
    }
}
