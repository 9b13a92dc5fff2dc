package dev.runlist.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.PaginationException;
import dev.runlist.model.CodeInterpreterResources;
import dev.runlist.model.ErrorObject;
import dev.runlist.model.FileSearchResources;
import dev.runlist.model.FunctionCall;
import dev.runlist.model.IncompleteDetails;
import dev.runlist.model.IncompleteReason;
import dev.runlist.model.JsonValue;
import dev.runlist.model.LastError;
import dev.runlist.model.LastErrorCode;
import dev.runlist.model.RequiredAction;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.model.RunStatus;
import dev.runlist.model.SubmitToolOutputs;
import dev.runlist.model.ToolCall;
import dev.runlist.model.ToolResources;
import dev.runlist.model.TruncationStrategy;
import dev.runlist.model.TruncationType;
import dev.runlist.model.Usage;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullUnmarked;

/**
 * The document layer of the decoder, and its entry point: a page of runs, a run, the API's error
 * envelope, and the run's nested objects, read field by field. Unions come from {@link UnionDecoder},
 * scalars, values, paths and failures from {@link TokenDecoder}. One instance per document; not
 * thread-safe.
 *
 * <p>Every method that takes a {@link JsonToken} expects the parser to stand on that token (the
 * value to read) and leaves it on the value's last token. Valid input never throws.
 */
@NullUnmarked // nullness not yet checked here: null stands for "absent" in every partly read value
final class Decoder extends UnionDecoder {

    /** The most runs a page's {@code data} may hold; reading stops at the first one beyond. */
    private int maxRuns = Integer.MAX_VALUE;

    Decoder(JsonParser p, JsonFactory factory) {
        super(p, factory, null, -1);
    }

    /** Limits a page to {@code max} runs: reading stops with a PaginationException at the first beyond. */
    Decoder maxRuns(int max) {
        this.maxRuns = max;
        return this;
    }

    // ---------------------------------------------------------------- documents

    RunListResponse pageDocument() throws IOException {
        RunListResponse page = page(first());
        end();
        return page;
    }

    Run runDocument() throws IOException {
        Run run = run(first());
        end();
        return run;
    }

    /**
     * The error object of an envelope, or of a bare {@code {"message": ...}} object (Azure's gateway);
     * null when the document has neither.
     */
    ErrorObject errorDocument() throws IOException {
        JsonToken t = first();
        if (t != JsonToken.START_OBJECT) {
            throw typeError("an object", t);
        }
        ErrorObject error = null;
        String bareMessage = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("error")) {
                error = errorObject(v);
            } else if (name.equals("message") && v == JsonToken.VALUE_STRING) {
                bareMessage = text();
            } else {
                p.skipChildren();
            }
        }
        end();
        // Azure's gateway answers a bad token with {"statusCode": 401, "message": "..."}, no envelope.
        return error == null && bareMessage != null ? new ErrorObject(bareMessage, null, null, null) : error;
    }

    private JsonToken first() throws IOException {
        JsonToken t = p.nextToken();
        if (t == null) {
            throw fail("the body is empty; expected a JSON object");
        }
        return t;
    }

    private void end() throws IOException {
        if (p.nextToken() != null) {
            throw fail("unexpected content after the end of the JSON document");
        }
    }

    // ---------------------------------------------------------------- page and run

    private static final FieldOrder PAGE_ORDER = new FieldOrder("object", "data", "first_id", "last_id", "has_more");

    private RunListResponse page(JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw typeError("an object", t);
        }
        List<Run> data = null;
        String firstId = null;
        String lastId = null;
        Boolean hasMore = null;
        String object = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        int at = 0;
        while ((name = nextName(PAGE_ORDER, at)) != null) {
            at = PAGE_ORDER.after(name, at);
            JsonToken v = p.nextToken();
            switch (name) {
                case "object":
                    object = nullableString(v);
                    break;
                case "data":
                    data = runs(v);
                    break;
                case "first_id":
                    firstId = nullableString(v);
                    break;
                case "last_id":
                    lastId = nullableString(v);
                    break;
                case "has_more":
                    hasMore = requiredBoolean(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        if (data == null) {
            throw missing("data", extra);
        }
        if (hasMore == null) {
            throw missing("has_more", extra);
        }
        return new RunListResponse(data, firstId, lastId, hasMore, object, extra);
    }

    private List<Run> runs(JsonToken t) throws IOException {
        expectArray(t);
        int frame = stack.open();
        int count = 0;
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (count++ == maxRuns) {
                throw new PaginationException("refused the page: it holds more than " + maxRuns + " runs, the limit "
                        + "asked for (stopped reading at " + path() + ", byte offset " + offset()
                        + "); none of its runs was delivered");
            }
            stack.element(run(e));
        }
        return stack.closeArray(frame);
    }

    private static final FieldOrder RUN_ORDER = new FieldOrder("id", "object", "created_at", "assistant_id",
            "thread_id", "status", "started_at", "expires_at", "cancelled_at", "failed_at", "completed_at",
            "required_action", "last_error", "model", "instructions", "incomplete_details", "tools", "tool_resources",
            "metadata", "usage", "temperature", "top_p", "max_prompt_tokens", "max_completion_tokens",
            "truncation_strategy", "response_format", "tool_choice", "parallel_tool_calls");

    private Run run(JsonToken t) throws IOException {
        if (t != JsonToken.START_OBJECT) {
            throw typeError("an object", t);
        }
        Run.Builder b = Run.builder();
        String id = null;
        Instant createdAt = null;
        String threadId = null;
        String assistantId = null;
        RunStatus status = null;
        String model = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        int at = 0;
        while ((name = nextName(RUN_ORDER, at)) != null) {
            at = RUN_ORDER.after(name, at);
            JsonToken v = p.nextToken();
            switch (name) {
                case "id":
                    id = string(v);
                    break;
                case "object":
                    b.object(nullableString(v));
                    break;
                case "created_at":
                    createdAt = timestamp(v);
                    if (createdAt == null) {
                        throw typeError("an integer", v);
                    }
                    break;
                case "thread_id":
                    threadId = string(v);
                    break;
                case "assistant_id":
                    assistantId = string(v);
                    break;
                case "status":
                    status = RunStatus.of(string(v));
                    break;
                case "required_action":
                    b.requiredAction(requiredAction(v));
                    break;
                case "last_error":
                    b.lastError(lastError(v));
                    break;
                case "expires_at":
                    b.expiresAt(timestamp(v));
                    break;
                case "started_at":
                    b.startedAt(timestamp(v));
                    break;
                case "cancelled_at":
                    b.cancelledAt(timestamp(v));
                    break;
                case "failed_at":
                    b.failedAt(timestamp(v));
                    break;
                case "completed_at":
                    b.completedAt(timestamp(v));
                    break;
                case "incomplete_details":
                    b.incompleteDetails(incompleteDetails(v));
                    break;
                case "model":
                    model = string(v);
                    break;
                case "instructions":
                    b.instructions(nullableString(v));
                    break;
                case "tools":
                    b.tools(tools(v));
                    break;
                case "tool_resources":
                    b.toolResources(toolResources(v));
                    break;
                case "metadata":
                    b.metadata(metadata(v));
                    break;
                case "usage":
                    b.usage(usage(v));
                    break;
                case "temperature":
                    b.temperature(nullableDouble(v));
                    break;
                case "top_p":
                    b.topP(nullableDouble(v));
                    break;
                case "max_prompt_tokens":
                    b.maxPromptTokens(nullableInt(v));
                    break;
                case "max_completion_tokens":
                    b.maxCompletionTokens(nullableInt(v));
                    break;
                case "truncation_strategy":
                    b.truncationStrategy(truncationStrategy(v));
                    break;
                case "tool_choice":
                    b.toolChoice(toolChoice(v));
                    break;
                case "parallel_tool_calls":
                    b.parallelToolCalls(nullableBoolean(v));
                    break;
                case "response_format":
                    b.responseFormat(responseFormat(v));
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        // Now on END_OBJECT: the parser's context, and so the path, is the run's own.
        if (id == null) {
            throw missing("id", extra);
        }
        if (createdAt == null) {
            throw missing("created_at", extra);
        }
        if (threadId == null) {
            throw missing("thread_id", extra);
        }
        if (assistantId == null) {
            throw missing("assistant_id", extra);
        }
        if (status == null) {
            throw missing("status", extra);
        }
        if (model == null) {
            throw missing("model", extra);
        }
        return b.id(id)
                .createdAt(createdAt)
                .threadId(threadId)
                .assistantId(assistantId)
                .status(status)
                .model(model)
                .additionalProperties(extra)
                .build();
    }

    // ---------------------------------------------------------------- nested values

    private RequiredAction requiredAction(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        String type = null;
        SubmitToolOutputs submit = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "type":
                    type = nullableString(v);
                    break;
                case "submit_tool_outputs":
                    submit = submitToolOutputs(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        return new RequiredAction(type, submit, extra);
    }

    private SubmitToolOutputs submitToolOutputs(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        List<ToolCall> calls = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("tool_calls")) {
                if (v != JsonToken.VALUE_NULL) {
                    if (v != JsonToken.START_ARRAY) {
                        throw typeError("an array", v);
                    }
                    calls = new ArrayList<>();
                    JsonToken e;
                    while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                        calls.add(toolCall(e));
                    }
                }
            } else {
                extra = put(extra, name, value(v));
            }
        }
        return new SubmitToolOutputs(calls, extra);
    }

    private ToolCall toolCall(JsonToken t) throws IOException {
        expectObject(t);
        String id = null;
        String type = null;
        FunctionCall function = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "id":
                    id = nullableString(v);
                    break;
                case "type":
                    type = nullableString(v);
                    break;
                case "function":
                    function = functionCall(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        return new ToolCall(id, type, function, extra);
    }

    private FunctionCall functionCall(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        String fn = null;
        String arguments = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "name":
                    fn = nullableString(v);
                    break;
                case "arguments":
                    arguments = nullableString(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        return new FunctionCall(fn, arguments, extra);
    }

    private LastError lastError(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        LastErrorCode code = null;
        String message = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "code":
                    String raw = nullableString(v);
                    code = raw == null ? null : LastErrorCode.of(raw);
                    break;
                case "message":
                    message = nullableString(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        return new LastError(code, message, extra);
    }

    private IncompleteDetails incompleteDetails(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        IncompleteReason reason = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (name.equals("reason")) {
                String raw = nullableString(v);
                reason = raw == null ? null : IncompleteReason.of(raw);
            } else {
                extra = put(extra, name, value(v));
            }
        }
        return new IncompleteDetails(reason, extra);
    }

    private Usage usage(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        long completion = 0;
        long prompt = 0;
        long total = 0;
        int seen = 0;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "completion_tokens":
                    completion = requiredLong(v);
                    seen |= 1;
                    break;
                case "prompt_tokens":
                    prompt = requiredLong(v);
                    seen |= 2;
                    break;
                case "total_tokens":
                    total = requiredLong(v);
                    seen |= 4;
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        if ((seen & 1) == 0) {
            throw missing("completion_tokens");
        }
        if ((seen & 2) == 0) {
            throw missing("prompt_tokens");
        }
        if ((seen & 4) == 0) {
            throw missing("total_tokens");
        }
        return new Usage(completion, prompt, total, extra);
    }

    private TruncationStrategy truncationStrategy(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        TruncationType type = null;
        Integer lastMessages = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "type":
                    type = TruncationType.of(string(v));
                    break;
                case "last_messages":
                    lastMessages = nullableInt(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        if (type == null) {
            throw missing("type");
        }
        return new TruncationStrategy(type, lastMessages, extra);
    }

    /** An object holding one list of ids, {@code idsField}, and any unknown members. */
    private record IdsObject(List<String> ids, LinkedHashMap<String, JsonValue> extra) {}

    private IdsObject idsObject(JsonToken t, String idsField) throws IOException {
        expectObject(t);
        List<String> ids = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String n;
        while ((n = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (n.equals(idsField)) {
                ids = strings(v);
            } else {
                extra = put(extra, n, value(v));
            }
        }
        return new IdsObject(ids, extra);
    }

    private ToolResources toolResources(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        CodeInterpreterResources codeInterpreter = null;
        FileSearchResources fileSearch = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "code_interpreter":
                    if (v != JsonToken.VALUE_NULL) {
                        IdsObject r = idsObject(v, "file_ids");
                        codeInterpreter = new CodeInterpreterResources(r.ids, r.extra);
                    }
                    break;
                case "file_search":
                    if (v != JsonToken.VALUE_NULL) {
                        IdsObject r = idsObject(v, "vector_store_ids");
                        fileSearch = new FileSearchResources(r.ids, r.extra);
                    }
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        return new ToolResources(codeInterpreter, fileSearch, extra);
    }

    private Map<String, String> metadata(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        int frame = stack.open();
        String name;
        while ((name = p.nextFieldName()) != null) {
            stack.member(name, string(p.nextToken()));
        }
        return stack.closeObject(frame);
    }

    // ---------------------------------------------------------------- error envelope

    private ErrorObject errorObject(JsonToken t) throws IOException {
        expectObject(t);
        String message = null;
        String type = null;
        String param = null;
        String code = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "message":
                    message = nullableString(v);
                    break;
                case "type":
                    type = nullableString(v);
                    break;
                case "param":
                    param = nullableString(v);
                    break;
                case "code":
                    // Azure sends codes such as "404" or "DeploymentNotFound"; a bare number reads as its text.
                    code = v == JsonToken.VALUE_NUMBER_INT ? p.getText() : nullableString(v);
                    break;
                default:
                    p.skipChildren();
            }
        }
        return new ErrorObject(message, type, param, code);
    }

    // ---------------------------------------------------------------- failures of documents

    /**
     * A required field is missing from the object whose END_OBJECT the parser stands on. When that
     * object has an {@code error} member, the body is an error envelope, and the message says so.
     */
    private DecodeException missing(String field, Map<String, JsonValue> extra) {
        JsonValue error = extra == null ? null : extra.get("error");
        if (error instanceof JsonValue.JsonObject) {
            JsonValue message = ((JsonValue.JsonObject) error).get("message");
            String quoted = message instanceof JsonValue.JsonString
                    ? "\"" + ((JsonValue.JsonString) message).value() + "\""
                    : "(no message)";
            return fail("the body is an API error envelope, not a " + ("data".equals(field) || "has_more".equals(field)
                    ? "page of runs" : "run") + "; its error.message is " + quoted);
        }
        return missing(field);
    }
}
