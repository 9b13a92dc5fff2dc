package dev.runlist.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlist.errors.DecodeException;
import dev.runlist.errors.PaginationException;
import dev.runlist.internal.Frozen;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.NullUnmarked;

/**
 * Decodes one document from a parser, field by field. One instance per document; not thread-safe.
 *
 * <p>Every method that takes a {@link JsonToken} expects the parser to stand on that token (the
 * value to read) and leaves it on the value's last token. Valid input never throws: union shapes are
 * chosen from the current token, never by trying and catching.
 */
@NullUnmarked // nullness not yet checked here: null stands for "absent" in every partly read value
final class Decoder {

    private static final long MIN_EPOCH_SECOND = Instant.MIN.getEpochSecond();
    private static final long MAX_EPOCH_SECOND = Instant.MAX.getEpochSecond();

    /** Strings longer than this are rarely repeated; they are not shared. */
    private static final int MAX_SHARED_LENGTH = 256;

    private final JsonParser p;
    /** Recent string values of this document by hash; see {@link #text()}. Size: a power of two. */
    private final String[] sharedStrings = new String[256];
    private final JsonFactory factory;
    /** JSON path of this document inside an outer one, or null for a whole body. */
    private final String pathPrefix;
    /** Offset reported for every problem in a re-parsed member, or -1 to use the parser's. */
    private final long fixedOffset;
    /** The most runs a page's {@code data} may hold; reading stops at the first one beyond. */
    private int maxRuns = Integer.MAX_VALUE;

    Decoder(JsonParser p, JsonFactory factory) {
        this(p, factory, null, -1);
    }

    private Decoder(JsonParser p, JsonFactory factory, String pathPrefix, long fixedOffset) {
        this.p = p;
        this.factory = factory;
        this.pathPrefix = pathPrefix;
        this.fixedOffset = fixedOffset;
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
        while ((name = p.nextFieldName()) != null) {
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
        if (t != JsonToken.START_ARRAY) {
            throw typeError("an array", t);
        }
        ArrayList<Run> runs = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            if (runs.size() == maxRuns) {
                throw new PaginationException("refused the page: it holds more than " + maxRuns + " runs, the limit "
                        + "asked for (stopped reading at " + path() + ", byte offset " + offset()
                        + "); none of its runs was delivered");
            }
            runs.add(run(e));
        }
        return Frozen.list(runs);
    }

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
        while ((name = p.nextFieldName()) != null) {
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
            throw missing("completion_tokens", null);
        }
        if ((seen & 2) == 0) {
            throw missing("prompt_tokens", null);
        }
        if ((seen & 4) == 0) {
            throw missing("total_tokens", null);
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
            throw missing("type", null);
        }
        return new TruncationStrategy(type, lastMessages, extra);
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
        LinkedHashMap<String, String> map = new LinkedHashMap<>();
        String name;
        while ((name = p.nextFieldName()) != null) {
            map.put(name, string(p.nextToken()));
        }
        return Frozen.map(map);
    }

    // ---------------------------------------------------------------- unions

    private List<Tool> tools(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        if (t != JsonToken.START_ARRAY) {
            throw typeError("an array", t);
        }
        ArrayList<Tool> tools = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            tools.add(tool(e));
        }
        return Frozen.list(tools);
    }

    private Tool tool(JsonToken t) throws IOException {
        expectObject(t);
        String name = p.nextFieldName();
        if (!"type".equals(name)) {
            return typeNotFirst(name, Decoder::isKnownToolType, d -> d.tool(d.p.currentToken()), Tool.UnknownTool::new);
        }
        String type = string(p.nextToken());
        switch (type) {
            case Tool.CodeInterpreterTool.TYPE:
                return new Tool.CodeInterpreterTool(rest(null));
            case Tool.FileSearchTool.TYPE: {
                Tool.FileSearchOptions options = null;
                LinkedHashMap<String, JsonValue> extra = null;
                while ((name = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    if (name.equals("file_search")) {
                        options = fileSearchOptions(v);
                    } else {
                        extra = put(extra, name, value(v));
                    }
                }
                return new Tool.FileSearchTool(options, extra);
            }
            case Tool.FunctionTool.TYPE: {
                Tool.FunctionDefinition function = null;
                LinkedHashMap<String, JsonValue> extra = null;
                while ((name = p.nextFieldName()) != null) {
                    JsonToken v = p.nextToken();
                    if (name.equals("function")) {
                        expectObject(v);
                        function = functionDefinition();
                    } else {
                        extra = put(extra, name, value(v));
                    }
                }
                if (function == null) {
                    throw missing("function", null);
                }
                return new Tool.FunctionTool(function, extra);
            }
            default:
                return new Tool.UnknownTool(type, restWithType(type));
        }
    }

    private static boolean isKnownToolType(String type) {
        return type.equals(Tool.CodeInterpreterTool.TYPE)
                || type.equals(Tool.FileSearchTool.TYPE)
                || type.equals(Tool.FunctionTool.TYPE);
    }

    private Tool.FileSearchOptions fileSearchOptions(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        Integer maxNumResults = null;
        Tool.RankingOptions ranking = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "max_num_results":
                    maxNumResults = nullableInt(v);
                    break;
                case "ranking_options":
                    ranking = rankingOptions(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        return new Tool.FileSearchOptions(maxNumResults, ranking, extra);
    }

    private Tool.RankingOptions rankingOptions(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        String ranker = null;
        Double threshold = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "ranker":
                    ranker = nullableString(v);
                    break;
                case "score_threshold":
                    threshold = nullableDouble(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        return new Tool.RankingOptions(ranker, threshold, extra);
    }

    /** Reads a function definition; the parser stands on its START_OBJECT. */
    private Tool.FunctionDefinition functionDefinition() throws IOException {
        String fn = null;
        String description = null;
        JsonValue.JsonObject parameters = null;
        Boolean strict = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "name":
                    fn = string(v);
                    break;
                case "description":
                    description = nullableString(v);
                    break;
                case "parameters":
                    parameters = nullableObject(v);
                    break;
                case "strict":
                    strict = nullableBoolean(v);
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        if (fn == null) {
            throw missing("name", null);
        }
        return new Tool.FunctionDefinition(fn, description, parameters, strict, extra);
    }

    private ToolChoice toolChoice(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return ToolChoiceMode.of(text());
        }
        if (t != JsonToken.START_OBJECT) {
            throw typeError("a string or an object", t);
        }
        String type = null;
        String functionName = null;
        LinkedHashMap<String, JsonValue> extra = null;
        LinkedHashMap<String, JsonValue> functionExtra = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            switch (name) {
                case "type":
                    type = string(v);
                    break;
                case "function":
                    if (v != JsonToken.VALUE_NULL) {
                        expectObject(v);
                        String n;
                        while ((n = p.nextFieldName()) != null) {
                            JsonToken fv = p.nextToken();
                            if (n.equals("name")) {
                                functionName = nullableString(fv);
                            } else {
                                functionExtra = put(functionExtra, n, value(fv));
                            }
                        }
                    }
                    break;
                default:
                    extra = put(extra, name, value(v));
            }
        }
        if (type == null) {
            throw missing("type", null);
        }
        return new ToolChoice.Named(type, functionName, extra, functionExtra);
    }

    private ResponseFormat responseFormat(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t == JsonToken.VALUE_STRING) {
            return ResponseFormatMode.of(text());
        }
        if (t != JsonToken.START_OBJECT) {
            throw typeError("a string or an object", t);
        }
        return responseFormatObject();
    }

    private ResponseFormat responseFormatObject() throws IOException {
        String name = p.nextFieldName();
        if (!"type".equals(name)) {
            return typeNotFirst(
                    name,
                    Decoder::isKnownResponseFormatType,
                    d -> d.responseFormat(d.p.currentToken()),
                    ResponseFormat.UnknownResponseFormat::new);
        }
        String type = string(p.nextToken());
        switch (type) {
            case ResponseFormat.TextFormat.TYPE:
                return new ResponseFormat.TextFormat(rest(null));
            case ResponseFormat.JsonObjectFormat.TYPE:
                return new ResponseFormat.JsonObjectFormat(rest(null));
            case ResponseFormat.JsonSchemaFormat.TYPE:
                return jsonSchemaFormat();
            default:
                return new ResponseFormat.UnknownResponseFormat(type, restWithType(type));
        }
    }

    private static boolean isKnownResponseFormatType(String type) {
        return type.equals(ResponseFormat.TextFormat.TYPE)
                || type.equals(ResponseFormat.JsonObjectFormat.TYPE)
                || type.equals(ResponseFormat.JsonSchemaFormat.TYPE);
    }

    private ResponseFormat.JsonSchemaFormat jsonSchemaFormat() throws IOException {
        boolean seen = false;
        String schemaName = null;
        String description = null;
        JsonValue.JsonObject schema = null;
        Boolean strict = null;
        LinkedHashMap<String, JsonValue> extra = null;
        LinkedHashMap<String, JsonValue> inner = null;
        String name;
        while ((name = p.nextFieldName()) != null) {
            JsonToken v = p.nextToken();
            if (!name.equals("json_schema")) {
                extra = put(extra, name, value(v));
                continue;
            }
            expectObject(v);
            seen = true;
            String n;
            while ((n = p.nextFieldName()) != null) {
                JsonToken iv = p.nextToken();
                switch (n) {
                    case "name":
                        schemaName = string(iv);
                        break;
                    case "description":
                        description = nullableString(iv);
                        break;
                    case "schema":
                        schema = nullableObject(iv);
                        break;
                    case "strict":
                        strict = nullableBoolean(iv);
                        break;
                    default:
                        inner = put(inner, n, value(iv));
                }
            }
            if (schemaName == null) {
                throw missing("name", null);
            }
        }
        if (!seen) {
            throw missing("json_schema", null);
        }
        return new ResponseFormat.JsonSchemaFormat(schemaName, description, schema, strict, extra, inner);
    }

    /** Reads one union member as a whole document; used when its {@code type} is not its first member. */
    private interface UnionReader<T> {
        T read(Decoder d) throws IOException;
    }

    /** Builds the "unknown variant" value of a union. */
    private interface UnknownFactory<T> {
        T create(String type, JsonValue.JsonObject raw);
    }

    /** Tests whether a union knows a type. */
    private interface KnownType {
        boolean test(String type);
    }

    /**
     * The rare path: an object whose first member is not {@code type}. The members are buffered; an
     * unknown type is kept whole; a known one is re-read with {@code type} moved first, so that each
     * variant has only one decoder. Problems found there are reported at this object's path.
     */
    private <T> T typeNotFirst(String firstName, KnownType known, UnionReader<T> reader, UnknownFactory<T> unknown)
            throws IOException {
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        String name = firstName;
        while (name != null) {
            members.put(name, value(p.nextToken()));
            name = p.nextFieldName();
        }
        // On END_OBJECT: the path is the object's own.
        JsonValue type = members.get("type");
        if (type == null) {
            throw missing("type", null);
        }
        if (!(type instanceof JsonValue.JsonString)) {
            throw fail("expected member 'type' to be a string but found " + kind(type));
        }
        String typeName = ((JsonValue.JsonString) type).value();
        if (!known.test(typeName)) {
            return unknown.create(typeName, new JsonValue.JsonObject(members));
        }
        LinkedHashMap<String, JsonValue> reordered = new LinkedHashMap<>();
        reordered.put("type", type);
        reordered.putAll(members);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (com.fasterxml.jackson.core.JsonGenerator g = factory.createGenerator(bytes)) {
            Encoder.value(g, new JsonValue.JsonObject(reordered));
        }
        try (JsonParser sub = factory.createParser(bytes.toByteArray())) {
            Decoder d = new Decoder(sub, factory, path(), offset());
            sub.nextToken();
            return reader.read(d);
        }
    }

    /** The remaining members of an object, as unknown fields (null when none). */
    private LinkedHashMap<String, JsonValue> rest(LinkedHashMap<String, JsonValue> extra) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            extra = put(extra, name, value(p.nextToken()));
        }
        return extra;
    }

    /** The whole object of an unknown union variant whose {@code type} was its first member. */
    private JsonValue.JsonObject restWithType(String type) throws IOException {
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        members.put("type", new JsonValue.JsonString(type));
        return new JsonValue.JsonObject(rest(members));
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

    // ---------------------------------------------------------------- scalars and JSON values

    private String string(JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw typeError("a string", t);
        }
        return text();
    }

    /**
     * The current string token's text. A page repeats many values (object types, model names, schema
     * descriptions, metadata), so short strings seen before in this document are shared rather than
     * built again: hashed straight from the parser's buffer, no String is made on a hit.
     */
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

    private String text() throws IOException {
        int length = p.getTextLength();
        if (length > MAX_SHARED_LENGTH) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + chars[offset + i];
        }
        // Same formula as String.hashCode(), so a candidate is rejected without comparing characters.
        int slot = (hash ^ (hash >>> 16)) & (sharedStrings.length - 1);
        String candidate = sharedStrings[slot];
        if (candidate != null && candidate.hashCode() == hash && sameText(candidate, chars, offset, length)) {
            return candidate;
        }
        String text = new String(chars, offset, length);
        sharedStrings[slot] = text;
        return text;
    }

    private static boolean sameText(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (s.charAt(i) != chars[offset + i]) {
                return false;
            }
        }
        return true;
    }

    private String nullableString(JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : string(t);
    }

    private List<String> strings(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.START_ARRAY) {
            throw typeError("an array", t);
        }
        ArrayList<String> list = new ArrayList<>();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            list.add(string(e));
        }
        return Frozen.list(list);
    }

    private Boolean nullableBoolean(JsonToken t) {
        if (t == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw typeError("a boolean", t);
    }

    private Boolean requiredBoolean(JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            throw typeError("a boolean", t);
        }
        return nullableBoolean(t);
    }

    private Integer nullableInt(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw typeError("an integer", t);
        }
        if (p.getNumberType() != JsonParser.NumberType.INT) {
            throw fail("integer " + p.getText() + " is out of range");
        }
        return p.getIntValue();
    }

    private long requiredLong(JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw typeError("an integer", t);
        }
        JsonParser.NumberType nt = p.getNumberType();
        if (nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) {
            throw fail("integer " + p.getText() + " is out of range");
        }
        return p.getLongValue();
    }

    private Double nullableDouble(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw typeError("a number", t);
    }

    /** Epoch seconds as an instant; null for JSON null. */
    private Instant timestamp(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        long seconds = requiredLong(t);
        if (seconds < MIN_EPOCH_SECOND || seconds > MAX_EPOCH_SECOND) {
            throw fail("timestamp " + seconds + " is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    private JsonValue.JsonObject nullableObject(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        return (JsonValue.JsonObject) value(t);
    }

    /** Any JSON value, kept exactly (numbers as their literal text). */
    private JsonValue value(JsonToken t) throws IOException {
        if (t == null) {
            throw typeError("a value", null);
        }
        switch (t) {
            case START_OBJECT: {
                LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    members.put(name, value(p.nextToken()));
                }
                return new JsonValue.JsonObject(Frozen.map(members));
            }
            case START_ARRAY: {
                ArrayList<JsonValue> elements = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    elements.add(value(e));
                }
                return new JsonValue.JsonArray(Frozen.list(elements));
            }
            case VALUE_STRING:
                return new JsonValue.JsonString(text());
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new JsonValue.JsonNumber(p.getText());
            case VALUE_TRUE:
                return JsonValue.JsonBoolean.TRUE;
            case VALUE_FALSE:
                return JsonValue.JsonBoolean.FALSE;
            case VALUE_NULL:
                return JsonValue.NULL;
            default:
                throw typeError("a value", t);
        }
    }

    private static <V> LinkedHashMap<String, V> put(LinkedHashMap<String, V> map, String name, V value) {
        if (map == null) {
            map = new LinkedHashMap<>();
        }
        map.put(name, value);
        return map;
    }

    // ---------------------------------------------------------------- problems

    private void expectObject(JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            throw typeError("an object", t);
        }
    }

    DecodeException fail(String problem) {
        return new DecodeException(problem, path(), offset(), null);
    }

    private DecodeException typeError(String expected, JsonToken found) {
        return fail("expected " + expected + " but found " + kind(found));
    }

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
        return fail("missing required field '" + field + "'");
    }

    /** The JSONPath of the parser's current position, such as {@code $.data[3].created_at}. */
    String path() {
        StringBuilder sb = new StringBuilder(pathPrefix == null ? "$" : pathPrefix);
        appendPath(sb, p.getParsingContext());
        return sb.toString();
    }

    private static void appendPath(StringBuilder sb, JsonStreamContext c) {
        if (c == null || c.inRoot()) {
            return;
        }
        appendPath(sb, c.getParent());
        if (c.inArray()) {
            if (c.hasCurrentIndex()) {
                sb.append('[').append(c.getCurrentIndex()).append(']');
            }
        } else {
            String name = c.getCurrentName();
            if (name != null) {
                if (isPlainName(name)) {
                    sb.append('.').append(name);
                } else {
                    sb.append("['").append(name.replace("\\", "\\\\").replace("'", "\\'")).append("']");
                }
            }
        }
    }

    private static boolean isPlainName(String name) {
        if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
            return false;
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!(c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
                return false;
            }
        }
        return true;
    }

    /** The byte offset of the current token, or where the parser stopped when there is none. */
    long offset() {
        if (fixedOffset >= 0) {
            return fixedOffset;
        }
        long offset = p.currentTokenLocation().getByteOffset();
        return offset >= 0 ? offset : p.currentLocation().getByteOffset();
    }

    /** Where the parser stopped reading (for failures inside a token). */
    long stopOffset() {
        return fixedOffset >= 0 ? fixedOffset : p.currentLocation().getByteOffset();
    }

    private static String kind(JsonToken t) {
        if (t == null) {
            return "the end of the input";
        }
        switch (t) {
            case START_OBJECT:
                return "an object";
            case START_ARRAY:
                return "an array";
            case VALUE_STRING:
                return "a string";
            case VALUE_NUMBER_INT:
                return "an integer";
            case VALUE_NUMBER_FLOAT:
                return "a decimal number";
            case VALUE_TRUE:
            case VALUE_FALSE:
                return "a boolean";
            case VALUE_NULL:
                return "null";
            case END_OBJECT:
                return "the end of an object";
            case END_ARRAY:
                return "the end of an array";
            default:
                return t.asString() == null ? t.name() : t.asString();
        }
    }

    private static String kind(JsonValue v) {
        if (v instanceof JsonValue.JsonObject) {
            return "an object";
        }
        if (v instanceof JsonValue.JsonArray) {
            return "an array";
        }
        if (v instanceof JsonValue.JsonNumber) {
            return "a number";
        }
        if (v instanceof JsonValue.JsonBoolean) {
            return "a boolean";
        }
        if (v instanceof JsonValue.JsonString) {
            return "a string";
        }
        return "null";
    }
}
