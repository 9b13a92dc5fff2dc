package dev.runlist.model;

import java.util.List;
import java.util.Map;

/**
 * The tool calls whose outputs the run is waiting for; {@code toolCalls} is never null.
 * {@code additionalProperties} holds the fields this version does not know.
 */
public record SubmitToolOutputs(List<ToolCall> toolCalls, Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param toolCalls {@code tool_calls}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public SubmitToolOutputs {
        toolCalls = Copies.list(toolCalls);
        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param toolCalls {@code tool_calls}
     */
    public SubmitToolOutputs(List<ToolCall> toolCalls) {
        this(toolCalls, Map.of());
    }
}
