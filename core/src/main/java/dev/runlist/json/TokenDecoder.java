package dev.runlist.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import dev.runlist.errors.DecodeException;
import dev.runlist.model.JsonValue;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import org.jspecify.annotations.NullUnmarked;

/**
 * The token layer of the decoder: scalars, shared strings, JSON value trees, the JSON path and byte
 * offset of the current token, and the failures that name them. The layers above ({@link UnionDecoder},
 * then {@link Decoder}) read the model's objects with these. One instance per document; not thread-safe.
 *
 * <p>Every method that takes a {@link JsonToken} expects the parser to stand on that token (the value
 * to read) and leaves it on the value's last token. Valid input never throws.
 */
@NullUnmarked // nullness not yet checked here: null stands for "absent" in every partly read value
abstract class TokenDecoder {

    private static final long MIN_EPOCH_SECOND = Instant.MIN.getEpochSecond();
    private static final long MAX_EPOCH_SECOND = Instant.MAX.getEpochSecond();

    /** Strings longer than this are rarely repeated; they are not shared. */
    private static final int MAX_SHARED_LENGTH = 256;

    final JsonParser p;
    /** Creates the parser and generator of a re-read union member. */
    final JsonFactory factory;
    /** Recent string values of this document by length and a few characters; see {@link #text()}. Size: a power of two. */
    private final String[] sharedStrings = new String[256];
    /** A shared string's characters while they are compared with the parser's buffer; see {@link #text()}. */
    private final char[] compareBuffer = new char[MAX_SHARED_LENGTH];
    /** The parts of the values being read, for right-sized immutable maps and lists. */
    final ValueStack stack = new ValueStack();
    /** JSON path of this document inside an outer one, or null for a whole body. */
    private final String pathPrefix;
    /** Offset reported for every problem in a re-parsed member, or -1 to use the parser's. */
    private final long fixedOffset;

    TokenDecoder(JsonParser p, JsonFactory factory, String pathPrefix, long fixedOffset) {
        this.p = p;
        this.factory = factory;
        this.pathPrefix = pathPrefix;
        this.fixedOffset = fixedOffset;
    }

    // ---------------------------------------------------------------- member names

    /**
     * The order in which the API writes an object's members. Each name is first compared, as raw bytes,
     * with the one expected next, which skips jackson-core's name lookup while the order holds; a member
     * out of order or unknown costs one ordinary lookup. Immutable; shared by every decoder.
     */
    static final class FieldOrder {
        private final SerializedString[] names;

        FieldOrder(String... names) {
            this.names = new SerializedString[names.length];
            for (int i = 0; i < names.length; i++) {
                this.names[i] = new SerializedString(names[i]);
            }
        }

        /** The position after {@code name}, the member just read at or after {@code at}; {@code at} when unknown. */
        int after(String name, int at) {
            if (at < names.length && names[at].getValue() == name) {
                return at + 1;
            }
            for (int i = 0; i < names.length; i++) {
                if (names[i].getValue().equals(name)) {
                    return i + 1;
                }
            }
            return at;
        }
    }

    /**
     * Moves to the next member of the current object and returns its name, or null at the object's end.
     * The name expected at position {@code at} of {@code order} is matched without being looked up.
     */
    final String nextName(FieldOrder order, int at) throws IOException {
        if (at < order.names.length) {
            SerializedString expected = order.names[at];
            if (p.nextFieldName(expected)) {
                return expected.getValue();
            }
            return p.currentToken() == JsonToken.FIELD_NAME ? p.currentName() : null;
        }
        return p.nextFieldName();
    }

    // ---------------------------------------------------------------- strings

    final String string(JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_STRING) {
            throw typeError("a string", t);
        }
        return text();
    }

    final String nullableString(JsonToken t) throws IOException {
        return t == JsonToken.VALUE_NULL ? null : string(t);
    }

    /** An array of strings; null for JSON null. */
    final List<String> strings(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectArray(t);
        int frame = stack.open();
        JsonToken e;
        while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
            stack.element(string(e));
        }
        return stack.closeArray(frame);
    }

    /**
     * The current string token's text. A page repeats many values (object types, model names, schema
     * descriptions, metadata), so short strings seen before in this document are shared rather than
     * built again: compared straight with the parser's buffer, no String is made on a hit. The slot
     * comes from the length and three characters, not a hash of them all: a string seen once (an id)
     * costs no hashing, a repeated one a single comparison.
     */
    final String text() throws IOException {
        int length = p.getTextLength();
        if (length > MAX_SHARED_LENGTH) {
            return p.getText();
        }
        char[] chars = p.getTextCharacters();
        int offset = p.getTextOffset();
        int slot = 0;
        if (length > 0) {
            int mix = ((length * 31 + chars[offset]) * 31 + chars[offset + (length >> 1)]) * 31
                    + chars[offset + length - 1];
            slot = (mix ^ (mix >>> 8)) & (sharedStrings.length - 1);
        }
        String candidate = sharedStrings[slot];
        if (candidate != null && sameText(candidate, chars, offset, length)) {
            return candidate;
        }
        String text = new String(chars, offset, length);
        sharedStrings[slot] = text;
        return text;
    }

    private boolean sameText(String s, char[] chars, int offset, int length) {
        if (s.length() != length) {
            return false;
        }
        // Copied out and compared whole: both are vectorised, unlike a loop of charAt.
        s.getChars(0, length, compareBuffer, 0);
        return Arrays.equals(compareBuffer, 0, length, chars, offset, offset + length);
    }

    // ---------------------------------------------------------------- booleans and numbers

    final Boolean nullableBoolean(JsonToken t) {
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

    final Boolean requiredBoolean(JsonToken t) {
        if (t == JsonToken.VALUE_NULL) {
            throw typeError("a boolean", t);
        }
        return nullableBoolean(t);
    }

    final Integer nullableInt(JsonToken t) throws IOException {
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

    final long requiredLong(JsonToken t) throws IOException {
        if (t != JsonToken.VALUE_NUMBER_INT) {
            throw typeError("an integer", t);
        }
        JsonParser.NumberType nt = p.getNumberType();
        if (nt != JsonParser.NumberType.INT && nt != JsonParser.NumberType.LONG) {
            throw fail("integer " + p.getText() + " is out of range");
        }
        return p.getLongValue();
    }

    final Double nullableDouble(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NUMBER_FLOAT || t == JsonToken.VALUE_NUMBER_INT) {
            return p.getDoubleValue();
        }
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        throw typeError("a number", t);
    }

    /** Epoch seconds as an instant; null for JSON null. */
    final Instant timestamp(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        long seconds = requiredLong(t);
        if (seconds < MIN_EPOCH_SECOND || seconds > MAX_EPOCH_SECOND) {
            throw fail("timestamp " + seconds + " is out of range");
        }
        return Instant.ofEpochSecond(seconds);
    }

    // ---------------------------------------------------------------- JSON values

    /** Any JSON value, kept exactly (numbers as their literal text). */
    final JsonValue value(JsonToken t) throws IOException {
        if (t == null) {
            throw typeError("a value", null);
        }
        switch (t) {
            case START_OBJECT: {
                int frame = stack.open();
                String name;
                while ((name = p.nextFieldName()) != null) {
                    stack.member(name, value(p.nextToken()));
                }
                return new JsonValue.JsonObject(stack.closeObject(frame));
            }
            case START_ARRAY: {
                int frame = stack.open();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    stack.element(value(e));
                }
                return new JsonValue.JsonArray(stack.closeArray(frame));
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

    /** A JSON object kept whole; null for JSON null. */
    final JsonValue.JsonObject nullableObject(JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_NULL) {
            return null;
        }
        expectObject(t);
        return (JsonValue.JsonObject) value(t);
    }

    /** {@code map} with one more entry; a new map when {@code map} is null. */
    static <V> LinkedHashMap<String, V> put(LinkedHashMap<String, V> map, String name, V value) {
        if (map == null) {
            map = new LinkedHashMap<>();
        }
        map.put(name, value);
        return map;
    }

    /** The remaining members of an object, added to {@code extra} as unknown fields (null when none). */
    final LinkedHashMap<String, JsonValue> rest(LinkedHashMap<String, JsonValue> extra) throws IOException {
        String name;
        while ((name = p.nextFieldName()) != null) {
            extra = put(extra, name, value(p.nextToken()));
        }
        return extra;
    }

    // ---------------------------------------------------------------- failures

    final void expectObject(JsonToken t) {
        if (t != JsonToken.START_OBJECT) {
            throw typeError("an object", t);
        }
    }

    final void expectArray(JsonToken t) {
        if (t != JsonToken.START_ARRAY) {
            throw typeError("an array", t);
        }
    }

    /** A problem at the current token: its JSON path and byte offset. */
    final DecodeException fail(String problem) {
        return new DecodeException(problem, path(), offset(), null);
    }

    final DecodeException typeError(String expected, JsonToken found) {
        return fail("expected " + expected + " but found " + kind(found));
    }

    /** A required field is missing from the object whose END_OBJECT the parser stands on. */
    final DecodeException missing(String field) {
        return fail("missing required field '" + field + "'");
    }

    static String kind(JsonToken t) {
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

    static String kind(JsonValue v) {
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

    // ---------------------------------------------------------------- JSON path and byte offset

    /** The JSONPath of the parser's current position, such as {@code $.data[3].created_at}. */
    final String path() {
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
    final long offset() {
        if (fixedOffset >= 0) {
            return fixedOffset;
        }
        long offset = p.currentTokenLocation().getByteOffset();
        return offset >= 0 ? offset : p.currentLocation().getByteOffset();
    }

    /** Where the parser stopped reading (for failures inside a token). */
    final long stopOffset() {
        return fixedOffset >= 0 ? fixedOffset : p.currentLocation().getByteOffset();
    }
}
