package dev.runlist.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Why a run is incomplete: {@code reason} is the token limit that was reached, or null when not sent.
 * {@code additionalProperties} holds the fields this version does not know.
 */
public record IncompleteDetails(@Nullable IncompleteReason reason, Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param reason {@code reason}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public IncompleteDetails {

        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param reason {@code reason}
     */
    public IncompleteDetails(@Nullable IncompleteReason reason) {
        this(reason, Map.of());
    }
}
