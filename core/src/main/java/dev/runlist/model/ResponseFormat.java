package dev.runlist.model;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The output format the model was told to use: a {@link ResponseFormatMode} string such as {@code "auto"}, or an
 * object: {@link TextFormat}, {@link JsonObjectFormat}, {@link JsonSchemaFormat}, or {@link
 * UnknownResponseFormat} for a type this version does not know.
 */
public sealed interface ResponseFormat
        permits ResponseFormatMode, ResponseFormat.TextFormat, ResponseFormat.JsonObjectFormat,
                ResponseFormat.JsonSchemaFormat, ResponseFormat.UnknownResponseFormat {

    /** {@code {"type": "text"}}. {@code additionalProperties} holds unknown fields. */
    record TextFormat(Map<String, JsonValue> additionalProperties) implements ResponseFormat {
        /** The wire type. */
        public static final String TYPE = "text";

        /**
         * Copies the map; null means none.
         *
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public TextFormat {
            additionalProperties = Copies.map(additionalProperties);
        }

        /** The format without unknown fields. */
        public TextFormat() {
            this(Map.of());
        }
    }

    /** {@code {"type": "json_object"}} (JSON mode). {@code additionalProperties} holds unknown fields. */
    record JsonObjectFormat(Map<String, JsonValue> additionalProperties) implements ResponseFormat {
        /** The wire type. */
        public static final String TYPE = "json_object";

        /**
         * Copies the map; null means none.
         *
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public JsonObjectFormat {
            additionalProperties = Copies.map(additionalProperties);
        }

        /** The format without unknown fields. */
        public JsonObjectFormat() {
            this(Map.of());
        }
    }

    /**
     * {@code {"type": "json_schema", "json_schema": {"name", "description", "schema", "strict"}}}
     * (Structured Outputs): {@code name} is never null; {@code description}, {@code schema} and
     * {@code strict} are null when not sent. {@code additionalProperties} holds unknown fields of the
     * outer object, {@code jsonSchemaAdditionalProperties} those of its {@code json_schema} member.
     */
    record JsonSchemaFormat(
            String name,
            @Nullable String description,
            JsonValue.@Nullable JsonObject schema,
            @Nullable Boolean strict,
            Map<String, JsonValue> additionalProperties,
            Map<String, JsonValue> jsonSchemaAdditionalProperties)
            implements ResponseFormat {
        /** The wire type. */
        public static final String TYPE = "json_schema";

        /**
         * @throws NullPointerException when {@code name} is null
         *
         * @param name {@code name}
         * @param description {@code description}
         * @param schema {@code schema}
         * @param strict {@code strict}
         * @param additionalProperties the fields this version does not know, kept as sent
         * @param jsonSchemaAdditionalProperties {@code json_schema_additional_properties}
         */
        public JsonSchemaFormat {
            Objects.requireNonNull(name, "name");
            additionalProperties = Copies.map(additionalProperties);
            jsonSchemaAdditionalProperties = Copies.map(jsonSchemaAdditionalProperties);
        }

        /**
         * A format without unknown fields.
         *
         * @param name {@code name}
         * @param description {@code description}
         * @param schema {@code schema}
         * @param strict {@code strict}
         */
        public JsonSchemaFormat(String name, @Nullable String description, JsonValue.@Nullable JsonObject schema, @Nullable Boolean strict) {
            this(name, description, schema, strict, Map.of(), Map.of());
        }
    }

    /**
     * A response format object whose {@code type} this version does not know, kept whole: {@code raw}
     * is the entire object as sent, {@code type} member included, and is written back unchanged.
     */
    record UnknownResponseFormat(String type, JsonValue.JsonObject raw) implements ResponseFormat {
        /**
         * @param type the {@code type} as sent
         * @param raw the whole value as sent
         * @throws NullPointerException when an argument is null
         */
        public UnknownResponseFormat {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(raw, "raw");
        }
    }
}
