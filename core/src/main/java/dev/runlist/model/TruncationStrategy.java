package dev.runlist.model;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How the thread was truncated before the run: {@code type} ({@link TruncationType#AUTO} or {@link
 * TruncationType#LAST_MESSAGES}, never null) and {@code lastMessages}, the number of recent messages
 * kept, or null when not set. {@code additionalProperties} holds the fields this version does not
 * know.
 */
public record TruncationStrategy(
        TruncationType type,
        @Nullable Integer lastMessages,
        Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param type {@code type}
     * @param lastMessages {@code last_messages}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public TruncationStrategy {
        Objects.requireNonNull(type, "type");
        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param type {@code type}
     * @param lastMessages {@code last_messages}
     */
    public TruncationStrategy(TruncationType type, @Nullable Integer lastMessages) {
        this(type, lastMessages, Map.of());
    }
}
