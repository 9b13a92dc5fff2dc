package dev.runlist.model;

import java.util.Map;

/**
 * Tokens used by a run (sent once the run is in a terminal state).
 * {@code additionalProperties} holds the fields this version does not know.
 */
public record Usage(
        long completionTokens,
        long promptTokens,
        long totalTokens,
        Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param completionTokens {@code completion_tokens}
     * @param promptTokens {@code prompt_tokens}
     * @param totalTokens {@code total_tokens}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public Usage {

        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param completionTokens {@code completion_tokens}
     * @param promptTokens {@code prompt_tokens}
     * @param totalTokens {@code total_tokens}
     */
    public Usage(long completionTokens, long promptTokens, long totalTokens) {
        this(completionTokens, promptTokens, totalTokens, Map.of());
    }
}
