package dev.runlist.model;

import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The last error of a run: {@code code} (or null when not sent) and a human-readable {@code message}
 * (or null when not sent). {@code additionalProperties} holds the fields this version does not know.
 */
public record LastError(@Nullable LastErrorCode code, @Nullable String message, Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param code {@code code}
     * @param message {@code message}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public LastError {

        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param code {@code code}
     * @param message {@code message}
     */
    public LastError(@Nullable LastErrorCode code, @Nullable String message) {
        this(code, message, Map.of());
    }
}
