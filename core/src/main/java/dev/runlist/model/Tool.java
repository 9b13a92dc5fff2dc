package dev.runlist.model;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tool the assistant used for a run, one of {@link CodeInterpreterTool}, {@link FileSearchTool},
 * {@link FunctionTool}, or {@link UnknownTool} for a type this version does not know.
 */
public sealed interface Tool
        permits Tool.CodeInterpreterTool, Tool.FileSearchTool, Tool.FunctionTool, Tool.UnknownTool {

    /** {@return the {@code type} string on the wire, such as {@code "function"}} */
    String type();

    /** {@code {"type": "code_interpreter"}}. {@code additionalProperties} holds unknown fields. */
    record CodeInterpreterTool(Map<String, JsonValue> additionalProperties) implements Tool {
        /** The wire type. */
        public static final String TYPE = "code_interpreter";

        /**
         * Copies the map; null means none.
         *
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public CodeInterpreterTool {
            additionalProperties = Copies.map(additionalProperties);
        }

        /** The tool without unknown fields. */
        public CodeInterpreterTool() {
            this(Map.of());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * {@code {"type": "file_search", "file_search": {...}}}; {@code fileSearch} is null when the
     * overrides were not sent. {@code additionalProperties} holds unknown fields.
     */
    record FileSearchTool(@Nullable FileSearchOptions fileSearch, Map<String, JsonValue> additionalProperties)
            implements Tool {
        /** The wire type. */
        public static final String TYPE = "file_search";

        /**
         * Copies the map; null means none.
         *
         * @param fileSearch {@code file_search}
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public FileSearchTool {
            additionalProperties = Copies.map(additionalProperties);
        }

        /**
         * The tool without unknown fields.
         *
         * @param fileSearch {@code file_search}
         */
        public FileSearchTool(@Nullable FileSearchOptions fileSearch) {
            this(fileSearch, Map.of());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * Overrides for file search: {@code maxNumResults} (null when not sent) and {@code rankingOptions}
     * (null when not sent). {@code additionalProperties} holds unknown fields.
     */
    record FileSearchOptions(
            @Nullable Integer maxNumResults, @Nullable RankingOptions rankingOptions, Map<String, JsonValue> additionalProperties) {
        /**
         * Copies the map; null means none.
         *
         * @param maxNumResults {@code max_num_results}
         * @param rankingOptions {@code ranking_options}
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public FileSearchOptions {
            additionalProperties = Copies.map(additionalProperties);
        }

        /**
         * Options without unknown fields.
         *
         * @param maxNumResults {@code max_num_results}
         * @param rankingOptions {@code ranking_options}
         */
        public FileSearchOptions(@Nullable Integer maxNumResults, @Nullable RankingOptions rankingOptions) {
            this(maxNumResults, rankingOptions, Map.of());
        }
    }

    /**
     * File search ranking: {@code ranker} (such as {@code "auto"}; null when not sent) and {@code
     * scoreThreshold} between 0 and 1 (null when not sent, and then not written either). {@code
     * additionalProperties} holds unknown fields.
     */
    record RankingOptions(@Nullable String ranker, @Nullable Double scoreThreshold, Map<String, JsonValue> additionalProperties) {
        /**
         * Copies the map; null means none.
         *
         * @param ranker {@code ranker}
         * @param scoreThreshold {@code score_threshold}
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public RankingOptions {
            additionalProperties = Copies.map(additionalProperties);
        }

        /**
         * Options without unknown fields.
         *
         * @param ranker {@code ranker}
         * @param scoreThreshold {@code score_threshold}
         */
        public RankingOptions(@Nullable String ranker, @Nullable Double scoreThreshold) {
            this(ranker, scoreThreshold, Map.of());
        }
    }

    /**
     * {@code {"type": "function", "function": {...}}}; {@code function} is never null. {@code
     * additionalProperties} holds unknown fields.
     */
    record FunctionTool(FunctionDefinition function, Map<String, JsonValue> additionalProperties)
            implements Tool {
        /** The wire type. */
        public static final String TYPE = "function";

        /**
         * @throws NullPointerException when {@code function} is null
         *
         * @param function {@code function}
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public FunctionTool {
            Objects.requireNonNull(function, "function");
            additionalProperties = Copies.map(additionalProperties);
        }

        /**
         * The tool without unknown fields.
         *
         * @param function {@code function}
         */
        public FunctionTool(FunctionDefinition function) {
            this(function, Map.of());
        }

        @Override
        public String type() {
            return TYPE;
        }
    }

    /**
     * A function the model may call: {@code name} (never null), {@code description} (null when not
     * sent), {@code parameters} as a JSON Schema object (null when not sent: no parameters) and {@code
     * strict} (null when not sent). {@code additionalProperties} holds unknown fields.
     */
    record FunctionDefinition(
            String name,
            @Nullable String description,
            JsonValue.@Nullable JsonObject parameters,
            @Nullable Boolean strict,
            Map<String, JsonValue> additionalProperties) {
        /**
         * @throws NullPointerException when {@code name} is null
         *
         * @param name {@code name}
         * @param description {@code description}
         * @param parameters {@code parameters}
         * @param strict {@code strict}
         * @param additionalProperties the fields this version does not know, kept as sent
         */
        public FunctionDefinition {
            Objects.requireNonNull(name, "name");
            additionalProperties = Copies.map(additionalProperties);
        }

        /**
         * A definition without unknown fields.
         *
         * @param name {@code name}
         * @param description {@code description}
         * @param parameters {@code parameters}
         * @param strict {@code strict}
         */
        public FunctionDefinition(String name, @Nullable String description, JsonValue.@Nullable JsonObject parameters, @Nullable Boolean strict) {
            this(name, description, parameters, strict, Map.of());
        }
    }

    /**
     * A tool whose {@code type} this version does not know, kept whole: {@code raw} is the entire
     * object as sent, {@code type} member included, and is written back unchanged.
     */
    record UnknownTool(String type, JsonValue.JsonObject raw) implements Tool {
        /**
         * @param type the {@code type} as sent
         * @param raw the whole tool as sent
         * @throws NullPointerException when an argument is null
         */
        public UnknownTool {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(raw, "raw");
        }
    }
}
