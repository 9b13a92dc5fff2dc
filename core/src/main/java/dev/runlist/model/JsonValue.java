package dev.runlist.model;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Any JSON value, kept exactly as the API sent it: unknown fields, a function's {@code parameters},
 * a JSON schema. Immutable; objects keep their members' order and numbers keep their literal text.
 */
public sealed interface JsonValue
        permits JsonValue.JsonObject, JsonValue.JsonArray, JsonValue.JsonString, JsonValue.JsonNumber,
                JsonValue.JsonBoolean, JsonValue.JsonNull {

    /** The JSON {@code null}. */
    JsonNull NULL = JsonNull.INSTANCE;

    /** A JSON object; {@code members} keep their order. Never null; an empty map is {@code {}}. */
    record JsonObject(Map<String, JsonValue> members) implements JsonValue {
        /** The empty object {@code {}}. */
        public static final JsonObject EMPTY = new JsonObject(Map.of());

        /**
         * Copies {@code members} (null means empty); rejects null keys and values.
         *
         * @param members the members, in order
         */
        public JsonObject {
            members = Copies.map(members);
        }

        /**
         * {@return the member called {@code name}, or null when there is none}
         *
         * @param name {@code name}
         */
        public @Nullable JsonValue get(String name) {
            return members.get(name);
        }
    }

    /** A JSON array. Never null; rejects null elements (use {@link JsonValue#NULL}). */
    record JsonArray(List<JsonValue> elements) implements JsonValue {
        /**
         * Copies {@code elements} (null means empty).
         *
         * @param elements the elements, in order
         */
        public JsonArray {
            elements = Copies.list(elements);
        }
    }

    /** A JSON string; {@code value} is the decoded text, never null. */
    record JsonString(String value) implements JsonValue {
        /**
         * @param value the string
         * @throws NullPointerException when {@code value} is null
         */
        public JsonString {
            Objects.requireNonNull(value, "value");
        }
    }

    /**
     * A JSON number, kept as its literal text (such as {@code 1.0} or {@code 12345678901234567890})
     * so nothing is lost to rounding.
     */
    record JsonNumber(String text) implements JsonValue {
        /**
         * @param text the number as written in JSON
         * @throws IllegalArgumentException when {@code text} is not a JSON number literal
         */
        public JsonNumber {
            Objects.requireNonNull(text, "text");
            if (!isNumberLiteral(text)) {
                throw new IllegalArgumentException("not a JSON number: " + text);
            }
        }

        /**
         * A number from a {@code long}.
         *
         * @param value the number
         * @return the JSON number
         */
        public static JsonNumber of(long value) {
            return new JsonNumber(Long.toString(value));
        }

        /**
         * A number from a {@link BigDecimal}, written in plain or scientific notation as Java prints it.
         *
         * @param value the number
         * @return the JSON number
         */
        public static JsonNumber of(BigDecimal value) {
            return new JsonNumber(value.toString());
        }

        /** {@return the exact value} */
        public BigDecimal bigDecimal() {
            return new BigDecimal(text);
        }

        /**
         * The value as a {@code long}.
         *
         * @return the value
         * @throws ArithmeticException when it has a fraction or does not fit
         */
        public long longValue() {
            return bigDecimal().longValueExact();
        }

        /** {@return the value as the nearest {@code double}} */
        public double doubleValue() {
            return Double.parseDouble(text);
        }

        private static boolean isNumberLiteral(String s) {
            int n = s.length();
            int i = 0;
            if (i < n && s.charAt(i) == '-') {
                i++;
            }
            if (i >= n) {
                return false;
            }
            if (s.charAt(i) == '0') {
                i++;
            } else if (isDigit(s.charAt(i))) {
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
            } else {
                return false;
            }
            if (i < n && s.charAt(i) == '.') {
                i++;
                int start = i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return false;
                }
            }
            if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
                i++;
                if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                    i++;
                }
                int start = i;
                while (i < n && isDigit(s.charAt(i))) {
                    i++;
                }
                if (i == start) {
                    return false;
                }
            }
            return i == n;
        }

        private static boolean isDigit(char c) {
            return c >= '0' && c <= '9';
        }
    }

    /** A JSON {@code true} or {@code false}. */
    record JsonBoolean(boolean value) implements JsonValue {
        /** {@code true}. */
        public static final JsonBoolean TRUE = new JsonBoolean(true);
        /** {@code false}. */
        public static final JsonBoolean FALSE = new JsonBoolean(false);

        /**
         * The shared instance for {@code value}.
         *
         * @param value true or false
         * @return {@link #TRUE} or {@link #FALSE}
         */
        public static JsonBoolean of(boolean value) {
            return value ? TRUE : FALSE;
        }
    }

    /** The JSON {@code null}; its only instance is {@link JsonValue#NULL}. */
    enum JsonNull implements JsonValue {
        /** The one instance. */
        INSTANCE;

        @Override
        public String toString() {
            return "null";
        }
    }
}
