package dev.runlist.model;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One page of runs exactly as the API sent it: the runs in {@code data} (never null), {@code firstId}
 * and {@code lastId} (the cursors; null on an empty page), {@code hasMore} (whether another page
 * follows in this direction), {@code object} (normally {@code "list"}, never null) and the fields
 * this version does not know in {@code additionalProperties}.
 */
public record RunListResponse(
        List<Run> data,
        @Nullable String firstId,
        @Nullable String lastId,
        boolean hasMore,
        String object,
        Map<String, JsonValue> additionalProperties) {

    /** The {@code object} value of every page: {@code "list"}. */
    public static final String OBJECT = "list";

    /**
     * Copies {@code data} (null means empty) and {@code additionalProperties} (null means none);
     * {@code object} null means {@code "list"}.
     *
     * @param data {@code data}
     * @param firstId {@code first_id}
     * @param lastId {@code last_id}
     * @param hasMore {@code has_more}
     * @param object {@code object}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public RunListResponse {
        data = Copies.list(data);
        object = Objects.requireNonNullElse(object, OBJECT);
        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A page with {@code object} {@code "list"} and no unknown fields.
     *
     * @param data {@code data}
     * @param firstId {@code first_id}
     * @param lastId {@code last_id}
     * @param hasMore {@code has_more}
     */
    public RunListResponse(List<Run> data, @Nullable String firstId, @Nullable String lastId, boolean hasMore) {
        this(data, firstId, lastId, hasMore, OBJECT, Map.of());
    }
}
