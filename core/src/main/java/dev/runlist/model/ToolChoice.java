package dev.runlist.model;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Which tool the model was told to call: a {@link ToolChoiceMode} such as {@code "auto"}, or a {@link Named}
 * tool such as {@code {"type": "function", "function": {"name": "f"}}}.
 */
public sealed interface ToolChoice permits ToolChoiceMode, ToolChoice.Named {

    /**
     * A specific tool: {@code type} (such as {@code "function"} or {@code "file_search"}, never
     * null) and, for functions, {@code functionName} (null when no {@code function} member was sent).
     * {@code additionalProperties} holds unknown fields of the object, {@code
     * functionAdditionalProperties} those of its {@code function} member.
     */
    record Named(
            String type,
            @Nullable String functionName,
            Map<String, JsonValue> additionalProperties,
            Map<String, JsonValue> functionAdditionalProperties)
            implements ToolChoice {
        /**
         * @param type {@code type}
         * @param functionName {@code function.name}
         * @param additionalProperties the fields this version does not know, kept as sent
         * @param functionAdditionalProperties the fields of {@code function} this version does not know
         * @throws NullPointerException when {@code type} is null
         */
        public Named {
            Objects.requireNonNull(type, "type");
            additionalProperties = Copies.map(additionalProperties);
            functionAdditionalProperties = Copies.map(functionAdditionalProperties);
        }

        /**
         * A choice without unknown fields.
         *
         * @param type {@code type}
         * @param functionName {@code function.name}
         */
        public Named(String type, @Nullable String functionName) {
            this(type, functionName, Map.of(), Map.of());
        }

        /**
         * {@return {@code {"type": "function", "function": {"name": name}}}}
         *
         * @param name {@code name}
         */
        public static Named function(String name) {
            return new Named("function", Objects.requireNonNull(name, "name"));
        }
    }
}
