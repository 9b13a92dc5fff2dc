package dev.runlist.model;

import java.util.Map;
import java.util.Objects;

/**
 * Which tool the model was told to call: a {@link Mode} such as {@code "auto"}, or a {@link Named}
 * tool such as {@code {"type": "function", "function": {"name": "f"}}}.
 */
public sealed interface ToolChoice permits ToolChoice.Mode, ToolChoice.Named {

    /**
     * The string form: {@link #NONE}, {@link #AUTO}, {@link #REQUIRED}, or any other string kept as
     * sent with {@link #isKnown()} false.
     */
    final class Mode extends OpenValue implements ToolChoice {
        /** {@code "none"}: the model calls no tool. */
        public static final Mode NONE = new Mode("none", true);
        /** {@code "auto"}: the model decides. */
        public static final Mode AUTO = new Mode("auto", true);
        /** {@code "required"}: the model must call at least one tool. */
        public static final Mode REQUIRED = new Mode("required", true);

        private Mode(String value, boolean known) {
            super(value, known);
        }

        /**
         * The constant for {@code raw} when known, otherwise a new unknown mode keeping {@code raw}.
         *
         * @throws NullPointerException when {@code raw} is null
         */
        public static Mode of(String raw) {
            switch (raw) {
                case "none":
                    return NONE;
                case "auto":
                    return AUTO;
                case "required":
                    return REQUIRED;
                default:
                    return new Mode(raw, false);
            }
        }
    }

    /**
     * A specific tool: {@code type} (such as {@code "function"} or {@code "file_search"}, never
     * null) and, for functions, {@code functionName} (null when no {@code function} member was sent).
     * {@code additionalProperties} holds unknown fields of the object, {@code
     * functionAdditionalProperties} those of its {@code function} member.
     */
    record Named(
            String type,
            String functionName,
            Map<String, JsonValue> additionalProperties,
            Map<String, JsonValue> functionAdditionalProperties)
            implements ToolChoice {
        /** @throws NullPointerException when {@code type} is null */
        public Named {
            Objects.requireNonNull(type, "type");
            additionalProperties = Copies.map(additionalProperties);
            functionAdditionalProperties = Copies.map(functionAdditionalProperties);
        }

        /** A choice without unknown fields. */
        public Named(String type, String functionName) {
            this(type, functionName, Map.of(), Map.of());
        }

        /** {@code {"type": "function", "function": {"name": name}}}. */
        public static Named function(String name) {
            return new Named("function", Objects.requireNonNull(name, "name"));
        }
    }
}
