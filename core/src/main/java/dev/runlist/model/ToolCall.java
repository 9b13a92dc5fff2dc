package dev.runlist.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One tool call a run waits on: its {@code id} (quote it when submitting the output), its {@code type}
 * (for now {@code "function"}) and the {@code function} to call; each is null when not sent.
 * {@code additionalProperties} holds the fields this version does not know.
 */
public record ToolCall(@Nullable String id, @Nullable String type, @Nullable FunctionCall function, Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param id {@code id}
     * @param type {@code type}
     * @param function {@code function}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public ToolCall {

        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param id {@code id}
     * @param type {@code type}
     * @param function {@code function}
     */
    public ToolCall(@Nullable String id, @Nullable String type, @Nullable FunctionCall function) {
        this(id, type, function, Map.of());
    }
}
