package dev.runlist.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The function a tool call asks for: its {@code name} and {@code arguments} (a JSON text, as the model
 * wrote it); each is null when not sent. {@code additionalProperties} holds the fields this version
 * does not know.
 */
public record FunctionCall(@Nullable String name, @Nullable String arguments, Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param name {@code name}
     * @param arguments {@code arguments}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public FunctionCall {

        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param name {@code name}
     * @param arguments {@code arguments}
     */
    public FunctionCall(@Nullable String name, @Nullable String arguments) {
        this(name, arguments, Map.of());
    }
}
