package dev.runlist.json;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.runlist.model.CodeInterpreterResources;
import dev.runlist.model.ErrorObject;
import dev.runlist.model.FileSearchResources;
import dev.runlist.model.FunctionCall;
import dev.runlist.model.IncompleteDetails;
import dev.runlist.model.JsonValue;
import dev.runlist.model.LastError;
import dev.runlist.model.OpenValue;
import dev.runlist.model.RequiredAction;
import dev.runlist.model.ResponseFormat;
import dev.runlist.model.ResponseFormatMode;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.model.SubmitToolOutputs;
import dev.runlist.model.Tool;
import dev.runlist.model.ToolCall;
import dev.runlist.model.ToolChoice;
import dev.runlist.model.ToolChoiceMode;
import dev.runlist.model.ToolResources;
import dev.runlist.model.TruncationStrategy;
import dev.runlist.model.Usage;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Writes the model as the API does: every modelled field of a run in the order the API sends them
 * (null as {@code null}), then the unknown fields in their order. Optional members of nested tool and
 * format objects are left out when null, as the API leaves them out.
 */
final class Encoder {

    private Encoder() {}

    static void page(JsonGenerator g, RunListResponse page) throws IOException {
        g.writeStartObject();
        g.writeStringField("object", page.object());
        g.writeFieldName("data");
        g.writeStartArray();
        for (Run run : page.data()) {
            run(g, run);
        }
        g.writeEndArray();
        nullableString(g, "first_id", page.firstId());
        nullableString(g, "last_id", page.lastId());
        g.writeBooleanField("has_more", page.hasMore());
        extra(g, page.additionalProperties());
        g.writeEndObject();
    }

    static void run(JsonGenerator g, Run r) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", r.id());
        g.writeStringField("object", r.object());
        timestamp(g, "created_at", r.createdAt());
        g.writeStringField("assistant_id", r.assistantId());
        g.writeStringField("thread_id", r.threadId());
        g.writeStringField("status", r.status().value());
        timestamp(g, "started_at", r.startedAt());
        timestamp(g, "expires_at", r.expiresAt());
        timestamp(g, "cancelled_at", r.cancelledAt());
        timestamp(g, "failed_at", r.failedAt());
        timestamp(g, "completed_at", r.completedAt());
        g.writeFieldName("required_action");
        requiredAction(g, r.requiredAction());
        g.writeFieldName("last_error");
        lastError(g, r.lastError());
        g.writeStringField("model", r.model());
        nullableString(g, "instructions", r.instructions());
        g.writeFieldName("incomplete_details");
        incompleteDetails(g, r.incompleteDetails());
        g.writeFieldName("tools");
        g.writeStartArray();
        for (Tool tool : r.tools()) {
            tool(g, tool);
        }
        g.writeEndArray();
        g.writeFieldName("tool_resources");
        toolResources(g, r.toolResources());
        g.writeFieldName("metadata");
        metadata(g, r.metadata());
        g.writeFieldName("usage");
        usage(g, r.usage());
        nullableDouble(g, "temperature", r.temperature());
        nullableDouble(g, "top_p", r.topP());
        nullableInt(g, "max_prompt_tokens", r.maxPromptTokens());
        nullableInt(g, "max_completion_tokens", r.maxCompletionTokens());
        g.writeFieldName("truncation_strategy");
        truncationStrategy(g, r.truncationStrategy());
        g.writeFieldName("response_format");
        responseFormat(g, r.responseFormat());
        g.writeFieldName("tool_choice");
        toolChoice(g, r.toolChoice());
        g.writeFieldName("parallel_tool_calls");
        if (r.parallelToolCalls() == null) {
            g.writeNull();
        } else {
            g.writeBoolean(r.parallelToolCalls());
        }
        extra(g, r.additionalProperties());
        g.writeEndObject();
    }

    static void error(JsonGenerator g, ErrorObject e) throws IOException {
        g.writeStartObject();
        g.writeFieldName("error");
        g.writeStartObject();
        nullableString(g, "message", e.message());
        nullableString(g, "type", e.type());
        nullableString(g, "param", e.param());
        nullableString(g, "code", e.code());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void requiredAction(JsonGenerator g, @Nullable RequiredAction a) throws IOException {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        nullableString(g, "type", a.type());
        g.writeFieldName("submit_tool_outputs");
        SubmitToolOutputs s = a.submitToolOutputs();
        if (s == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            g.writeFieldName("tool_calls");
            g.writeStartArray();
            for (ToolCall call : s.toolCalls()) {
                toolCall(g, call);
            }
            g.writeEndArray();
            extra(g, s.additionalProperties());
            g.writeEndObject();
        }
        extra(g, a.additionalProperties());
        g.writeEndObject();
    }

    private static void toolCall(JsonGenerator g, ToolCall c) throws IOException {
        g.writeStartObject();
        nullableString(g, "id", c.id());
        nullableString(g, "type", c.type());
        g.writeFieldName("function");
        FunctionCall f = c.function();
        if (f == null) {
            g.writeNull();
        } else {
            g.writeStartObject();
            nullableString(g, "name", f.name());
            nullableString(g, "arguments", f.arguments());
            extra(g, f.additionalProperties());
            g.writeEndObject();
        }
        extra(g, c.additionalProperties());
        g.writeEndObject();
    }

    private static void lastError(JsonGenerator g, @Nullable LastError e) throws IOException {
        if (e == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        nullableOpen(g, "code", e.code());
        nullableString(g, "message", e.message());
        extra(g, e.additionalProperties());
        g.writeEndObject();
    }

    private static void incompleteDetails(JsonGenerator g, @Nullable IncompleteDetails d) throws IOException {
        if (d == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        if (d.reason() != null) {
            g.writeStringField("reason", d.reason().value());
        }
        extra(g, d.additionalProperties());
        g.writeEndObject();
    }

    private static void toolResources(JsonGenerator g, @Nullable ToolResources r) throws IOException {
        if (r == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        CodeInterpreterResources ci = r.codeInterpreter();
        if (ci != null) {
            g.writeFieldName("code_interpreter");
            g.writeStartObject();
            strings(g, "file_ids", ci.fileIds());
            extra(g, ci.additionalProperties());
            g.writeEndObject();
        }
        FileSearchResources fs = r.fileSearch();
        if (fs != null) {
            g.writeFieldName("file_search");
            g.writeStartObject();
            strings(g, "vector_store_ids", fs.vectorStoreIds());
            extra(g, fs.additionalProperties());
            g.writeEndObject();
        }
        extra(g, r.additionalProperties());
        g.writeEndObject();
    }

    private static void metadata(JsonGenerator g, @Nullable Map<String, String> metadata) throws IOException {
        if (metadata == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        for (Map.Entry<String, String> e : metadata.entrySet()) {
            g.writeStringField(e.getKey(), e.getValue());
        }
        g.writeEndObject();
    }

    private static void usage(JsonGenerator g, @Nullable Usage u) throws IOException {
        if (u == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeNumberField("prompt_tokens", u.promptTokens());
        g.writeNumberField("completion_tokens", u.completionTokens());
        g.writeNumberField("total_tokens", u.totalTokens());
        extra(g, u.additionalProperties());
        g.writeEndObject();
    }

    private static void truncationStrategy(JsonGenerator g, @Nullable TruncationStrategy t) throws IOException {
        if (t == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", t.type().value());
        nullableInt(g, "last_messages", t.lastMessages());
        extra(g, t.additionalProperties());
        g.writeEndObject();
    }

    private static void tool(JsonGenerator g, Tool tool) throws IOException {
        if (tool instanceof Tool.UnknownTool) {
            value(g, ((Tool.UnknownTool) tool).raw());
            return;
        }
        g.writeStartObject();
        g.writeStringField("type", tool.type());
        if (tool instanceof Tool.CodeInterpreterTool) {
            extra(g, ((Tool.CodeInterpreterTool) tool).additionalProperties());
        } else if (tool instanceof Tool.FileSearchTool) {
            Tool.FileSearchTool fs = (Tool.FileSearchTool) tool;
            Tool.FileSearchOptions o = fs.fileSearch();
            if (o != null) {
                g.writeFieldName("file_search");
                g.writeStartObject();
                if (o.maxNumResults() != null) {
                    g.writeNumberField("max_num_results", o.maxNumResults());
                }
                Tool.RankingOptions ro = o.rankingOptions();
                if (ro != null) {
                    g.writeFieldName("ranking_options");
                    g.writeStartObject();
                    if (ro.ranker() != null) {
                        g.writeStringField("ranker", ro.ranker());
                    }
                    if (ro.scoreThreshold() != null) {
                        g.writeNumberField("score_threshold", ro.scoreThreshold());
                    }
                    extra(g, ro.additionalProperties());
                    g.writeEndObject();
                }
                extra(g, o.additionalProperties());
                g.writeEndObject();
            }
            extra(g, fs.additionalProperties());
        } else {
            Tool.FunctionTool ft = (Tool.FunctionTool) tool;
            Tool.FunctionDefinition f = ft.function();
            g.writeFieldName("function");
            g.writeStartObject();
            g.writeStringField("name", f.name());
            if (f.description() != null) {
                g.writeStringField("description", f.description());
            }
            if (f.parameters() != null) {
                g.writeFieldName("parameters");
                value(g, f.parameters());
            }
            if (f.strict() != null) {
                g.writeBooleanField("strict", f.strict());
            }
            extra(g, f.additionalProperties());
            g.writeEndObject();
            extra(g, ft.additionalProperties());
        }
        g.writeEndObject();
    }

    private static void toolChoice(JsonGenerator g, @Nullable ToolChoice c) throws IOException {
        if (c == null) {
            g.writeNull();
        } else if (c instanceof ToolChoiceMode) {
            g.writeString(((ToolChoiceMode) c).value());
        } else {
            ToolChoice.Named n = (ToolChoice.Named) c;
            g.writeStartObject();
            g.writeStringField("type", n.type());
            if (n.functionName() != null || !n.functionAdditionalProperties().isEmpty()) {
                g.writeFieldName("function");
                g.writeStartObject();
                if (n.functionName() != null) {
                    g.writeStringField("name", n.functionName());
                }
                extra(g, n.functionAdditionalProperties());
                g.writeEndObject();
            }
            extra(g, n.additionalProperties());
            g.writeEndObject();
        }
    }

    private static void responseFormat(JsonGenerator g, @Nullable ResponseFormat f) throws IOException {
        if (f == null) {
            g.writeNull();
        } else if (f instanceof ResponseFormatMode) {
            g.writeString(((ResponseFormatMode) f).value());
        } else if (f instanceof ResponseFormat.UnknownResponseFormat) {
            value(g, ((ResponseFormat.UnknownResponseFormat) f).raw());
        } else if (f instanceof ResponseFormat.TextFormat) {
            g.writeStartObject();
            g.writeStringField("type", ResponseFormat.TextFormat.TYPE);
            extra(g, ((ResponseFormat.TextFormat) f).additionalProperties());
            g.writeEndObject();
        } else if (f instanceof ResponseFormat.JsonObjectFormat) {
            g.writeStartObject();
            g.writeStringField("type", ResponseFormat.JsonObjectFormat.TYPE);
            extra(g, ((ResponseFormat.JsonObjectFormat) f).additionalProperties());
            g.writeEndObject();
        } else {
            ResponseFormat.JsonSchemaFormat s = (ResponseFormat.JsonSchemaFormat) f;
            g.writeStartObject();
            g.writeStringField("type", ResponseFormat.JsonSchemaFormat.TYPE);
            g.writeFieldName("json_schema");
            g.writeStartObject();
            g.writeStringField("name", s.name());
            if (s.description() != null) {
                g.writeStringField("description", s.description());
            }
            if (s.schema() != null) {
                g.writeFieldName("schema");
                value(g, s.schema());
            }
            if (s.strict() != null) {
                g.writeBooleanField("strict", s.strict());
            }
            extra(g, s.jsonSchemaAdditionalProperties());
            g.writeEndObject();
            extra(g, s.additionalProperties());
            g.writeEndObject();
        }
    }

    /** Any JSON value, exactly (numbers by their literal text). */
    static void value(JsonGenerator g, JsonValue v) throws IOException {
        if (v instanceof JsonValue.JsonObject) {
            g.writeStartObject();
            extra(g, ((JsonValue.JsonObject) v).members());
            g.writeEndObject();
        } else if (v instanceof JsonValue.JsonArray) {
            g.writeStartArray();
            for (JsonValue e : ((JsonValue.JsonArray) v).elements()) {
                value(g, e);
            }
            g.writeEndArray();
        } else if (v instanceof JsonValue.JsonString) {
            g.writeString(((JsonValue.JsonString) v).value());
        } else if (v instanceof JsonValue.JsonNumber) {
            g.writeNumber(((JsonValue.JsonNumber) v).text());
        } else if (v instanceof JsonValue.JsonBoolean) {
            g.writeBoolean(((JsonValue.JsonBoolean) v).value());
        } else {
            g.writeNull();
        }
    }

    private static void extra(JsonGenerator g, Map<String, JsonValue> members) throws IOException {
        for (Map.Entry<String, JsonValue> e : members.entrySet()) {
            g.writeFieldName(e.getKey());
            value(g, e.getValue());
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) throws IOException {
        g.writeFieldName(name);
        g.writeStartArray();
        for (String s : values) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static void nullableString(JsonGenerator g, String name, @Nullable String value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeStringField(name, value);
        }
    }

    private static void nullableOpen(JsonGenerator g, String name, @Nullable OpenValue<?> value) throws IOException {
        nullableString(g, name, value == null ? null : value.value());
    }

    private static void timestamp(JsonGenerator g, String name, @Nullable Instant value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.getEpochSecond());
        }
    }

    private static void nullableInt(JsonGenerator g, String name, @Nullable Integer value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.intValue());
        }
    }

    private static void nullableDouble(JsonGenerator g, String name, @Nullable Double value) throws IOException {
        if (value == null) {
            g.writeNullField(name);
        } else {
            g.writeNumberField(name, value.doubleValue());
        }
    }
}
