package dev.runlist.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Resources the run's tools may use: {@code codeInterpreter} and {@code fileSearch}, each null when
 * not sent. {@code additionalProperties} holds the fields this version does not know.
 */
public record ToolResources(
        @Nullable CodeInterpreterResources codeInterpreter,
        @Nullable FileSearchResources fileSearch,
        Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param codeInterpreter {@code code_interpreter}
     * @param fileSearch {@code file_search}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public ToolResources {

        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param codeInterpreter {@code code_interpreter}
     * @param fileSearch {@code file_search}
     */
    public ToolResources(@Nullable CodeInterpreterResources codeInterpreter, @Nullable FileSearchResources fileSearch) {
        this(codeInterpreter, fileSearch, Map.of());
    }
}
