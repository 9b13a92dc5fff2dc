package dev.runlist.model;

import java.util.List;
import java.util.Map;

/**
 * The tool calls whose outputs the run is waiting for; {@code toolCalls} is never null.
 * {@code additionalProperties} holds the fields this version does not know.
 */
public record SubmitToolOutputs(List<ToolCall> toolCalls, Map<String, JsonValue> additionalProperties) {

    /** Copies lists and maps; {@code additionalProperties} null means none. */
    public SubmitToolOutputs {
        toolCalls = Copies.list(toolCalls);
        additionalProperties = Copies.map(additionalProperties);
    }

    /** A value without unknown fields. */
    public SubmitToolOutputs(List<ToolCall> toolCalls) {
        this(toolCalls, Map.of());
    }
}
