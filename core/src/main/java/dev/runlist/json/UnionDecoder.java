package dev.runlist.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlist.model.JsonValue;
import dev.runlist.model.ResponseFormat;
import dev.runlist.model.ResponseFormatMode;
import dev.runlist.model.Tool;
import dev.runlist.model.ToolChoice;
import dev.runlist.model.ToolChoiceMode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.NullUnmarked;

/**
 * The union layer of the decoder: {@code tools}, {@code tool_choice} and {@code response_format}, whose
 * shape is chosen from the current token and the {@code type} member, never by trying and catching. An
 * object whose {@code type} is not its first member is buffered and re-read (see {@link #typeNotFirst}).
 * Built on the token layer ({@link TokenDecoder}); {@link Decoder} reads documents and runs on top of it.
 * One instance per document; not thread-safe.
 */
@NullUnmarked // nullness not yet checked here: null stands for "absent" in every partly read value
class UnionDecoder extends TokenDecoder {

    UnionDecoder(JsonParser p, JsonFactory factory, String pathPrefix, long fixedOffset) {
        super(p, factory, pathPrefix, fixedOffset);
    }

    // ---------------------------------------------------------------- tools

    final List<Tool> tools(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return List.of();
        }
        expectArray(t);
        int frame = stack.open();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            stack.element(tool(e));
        }
        return stack.closeArray(frame);
    }

    private Tool tool(JsonToken t) throws IOException {
        expectObject(t);
        String name = p.nextFieldName();
        if (!"type".equals(name)) {
            return typeNotFirst(name, UnionDecoder::isKnownToolType, d -> d.tool(d.p.currentToken()), Tool.UnknownTool::new);
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
                    throw missing("function");
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

    private static final FieldOrder FUNCTION_ORDER = new FieldOrder("name", "description", "parameters", "strict");

    /** Reads a function definition; the parser stands on its START_OBJECT. */
    private Tool.FunctionDefinition functionDefinition() throws IOException {
        String fn = null;
        String description = null;
        JsonValue.JsonObject parameters = null;
        Boolean strict = null;
        LinkedHashMap<String, JsonValue> extra = null;
        String name;
        int at = 0;
        while ((name = nextName(FUNCTION_ORDER, at)) != null) {
            at = FUNCTION_ORDER.after(name, at);
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
            throw missing("name");
        }
        return new Tool.FunctionDefinition(fn, description, parameters, strict, extra);
    }

    // ---------------------------------------------------------------- tool_choice

    final ToolChoice toolChoice(JsonToken t) throws IOException {
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
            throw missing("type");
        }
        return new ToolChoice.Named(type, functionName, extra, functionExtra);
    }

    // ---------------------------------------------------------------- response_format

    final ResponseFormat responseFormat(JsonToken t) throws IOException {
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
                    UnionDecoder::isKnownResponseFormatType,
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
                throw missing("name");
            }
        }
        if (!seen) {
            throw missing("json_schema");
        }
        return new ResponseFormat.JsonSchemaFormat(schemaName, description, schema, strict, extra, inner);
    }

    // ---------------------------------------------------------------- type not first

    /** Reads one union member as a whole document; used when its {@code type} is not its first member. */
    private interface VariantReader<T> {
        T read(UnionDecoder d) throws IOException;
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
    private <T> T typeNotFirst(String firstName, KnownType known, VariantReader<T> reader, UnknownFactory<T> unknown)
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
            throw missing("type");
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
        try (JsonGenerator g = factory.createGenerator(bytes)) {
            Encoder.value(g, new JsonValue.JsonObject(reordered));
        }
        try (JsonParser sub = factory.createParser(bytes.toByteArray())) {
            UnionDecoder d = new UnionDecoder(sub, factory, path(), offset());
            sub.nextToken();
            return reader.read(d);
        }
    }

    /** The whole object of an unknown union variant whose {@code type} was its first member. */
    private JsonValue.JsonObject restWithType(String type) throws IOException {
        LinkedHashMap<String, JsonValue> members = new LinkedHashMap<>();
        members.put("type", new JsonValue.JsonString(type));
        return new JsonValue.JsonObject(rest(members));
    }
}
