package dev.runlist.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What a run in {@code requires_action} needs before it can continue: {@code type} (for now always
 * {@code "submit_tool_outputs"}, or null when not sent) and {@code submitToolOutputs} (or null when
 * not sent). {@code additionalProperties} holds the fields this version does not know.
 */
public record RequiredAction(
        @Nullable String type,
        @Nullable SubmitToolOutputs submitToolOutputs,
        Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param type {@code type}
     * @param submitToolOutputs {@code submit_tool_outputs}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public RequiredAction {

        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param type {@code type}
     * @param submitToolOutputs {@code submit_tool_outputs}
     */
    public RequiredAction(@Nullable String type, @Nullable SubmitToolOutputs submitToolOutputs) {
        this(type, submitToolOutputs, Map.of());
    }
}
