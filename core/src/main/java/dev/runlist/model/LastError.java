package dev.runlist.model;

import java.util.Map;

/**
 * The last error of a run: {@code code} (or null when not sent) and a human-readable {@code message}
 * (or null when not sent). {@code additionalProperties} holds the fields this version does not know.
 */
public record LastError(LastErrorCode code, String message, Map<String, JsonValue> additionalProperties) {

    /** Copies lists and maps; {@code additionalProperties} null means none. */
    public LastError {

        additionalProperties = Copies.map(additionalProperties);
    }

    /** A value without unknown fields. */
    public LastError(LastErrorCode code, String message) {
        this(code, message, Map.of());
    }
}
