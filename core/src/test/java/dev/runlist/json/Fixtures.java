package dev.runlist.json;

import dev.runlist.model.CodeInterpreterResources;
import dev.runlist.model.FileSearchResources;
import dev.runlist.model.FunctionCall;
import dev.runlist.model.IncompleteDetails;
import dev.runlist.model.IncompleteReason;
import dev.runlist.model.JsonValue;
import dev.runlist.model.LastError;
import dev.runlist.model.LastErrorCode;
import dev.runlist.model.RequiredAction;
import dev.runlist.model.ResponseFormat;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import dev.runlist.model.SubmitToolOutputs;
import dev.runlist.model.Tool;
import dev.runlist.model.ToolCall;
import dev.runlist.model.ToolChoice;
import dev.runlist.model.ToolResources;
import dev.runlist.model.TruncationStrategy;
import dev.runlist.model.TruncationType;
import dev.runlist.model.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Shared test values. */
final class Fixtures {

    private Fixtures() {}

    static byte[] resource(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonValue.JsonObject obj(Object... kv) {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (JsonValue) kv[i + 1]);
        }
        return new JsonValue.JsonObject(m);
    }

    static JsonValue.JsonString str(String s) {
        return new JsonValue.JsonString(s);
    }

    static JsonValue.JsonNumber num(String s) {
        return new JsonValue.JsonNumber(s);
    }

    /** Unknown fields with every kind of JSON value, deliberately unsorted. */
    static Map<String, JsonValue> unknowns() {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        m.put("zeta", str("z"));
        m.put("alpha", num("12345678901234567890.000"));
        m.put("nested", obj("b", JsonValue.NULL, "a", new JsonValue.JsonArray(List.of(
                JsonValue.JsonBoolean.TRUE, num("-1.5e-7"), obj(), new JsonValue.JsonArray(List.of())))));
        m.put("flag", JsonValue.JsonBoolean.FALSE);
        m.put("nothing", JsonValue.NULL);
        return m;
    }

    /** A run using every field, with unknown values and unknown fields at every level. */
    static Run everything() {
        Map<String, JsonValue> u = unknowns();
        LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
        metadata.put("z-key", "last letter first");
        metadata.put("emoji 🎉", "line\u2028sep \"quoted\" back\\slash \t tab \u0001 ctrl é");
        metadata.put("a", "");
        return Run.builder()
                .id("run_everything")
                .object("thread.run")
                .createdAt(Instant.ofEpochSecond(1699075072))
                .threadId("thread_abc")
                .assistantId("asst_abc")
                .status(RunStatus.of("paused_for_lunch"))
                .requiredAction(new RequiredAction(
                        "submit_tool_outputs",
                        new SubmitToolOutputs(
                                List.of(
                                        new ToolCall("call_1", "function", new FunctionCall("f", "{\"x\":1}", u), u),
                                        new ToolCall(null, null, null)),
                                u),
                        u))
                .lastError(new LastError(LastErrorCode.of("brand_new_code"), "it \"broke\"", u))
                .expiresAt(Instant.ofEpochSecond(1699075999))
                .startedAt(Instant.ofEpochSecond(0))
                .cancelledAt(Instant.ofEpochSecond(-5))
                .failedAt(Instant.ofEpochSecond(1699075100))
                .completedAt(null)
                .incompleteDetails(new IncompleteDetails(IncompleteReason.MAX_PROMPT_TOKENS, u))
                .model("gpt-4o")
                .instructions("Be brief.\nReally. \u2028 😀")
                .tools(List.of(
                        new Tool.CodeInterpreterTool(u),
                        new Tool.FileSearchTool(null),
                        new Tool.FileSearchTool(new Tool.FileSearchOptions(
                                5, new Tool.RankingOptions("default_2024_08_21", 0.25, u), u), u),
                        new Tool.FileSearchTool(new Tool.FileSearchOptions(null, new Tool.RankingOptions(null, 0.0))),
                        new Tool.FunctionTool(new Tool.FunctionDefinition(
                                "get_weather",
                                "Weather for a city",
                                obj("type", str("object"), "properties", obj("city", obj("type", str("string")))),
                                true,
                                u), u),
                        new Tool.FunctionTool(new Tool.FunctionDefinition("bare", null, null, null)),
                        new Tool.UnknownTool("web_search", obj("type", str("web_search"), "depth", num("3")))))
                .toolResources(new ToolResources(
                        new CodeInterpreterResources(List.of("file-1", "file-2"), u),
                        new FileSearchResources(List.of("vs_1"), u),
                        u))
                .metadata(metadata)
                .usage(new Usage(456, 123, 579, u))
                .temperature(0.7)
                .topP(1.0)
                .maxPromptTokens(1000)
                .maxCompletionTokens(Integer.MAX_VALUE)
                .truncationStrategy(new TruncationStrategy(TruncationType.LAST_MESSAGES, 10, u))
                .toolChoice(new ToolChoice.Named("function", "get_weather", u, u))
                .parallelToolCalls(false)
                .responseFormat(new ResponseFormat.JsonSchemaFormat(
                        "answer", "The answer", obj("type", str("object")), true, u, u))
                .additionalProperties(u)
                .build();
    }

    /** A run with only the required fields. */
    static Run minimal() {
        return Run.builder()
                .id("run_min")
                .createdAt(Instant.ofEpochSecond(1))
                .threadId("thread_1")
                .assistantId("asst_1")
                .status(RunStatus.QUEUED)
                .model("gpt-4o-mini")
                .build();
    }
}
