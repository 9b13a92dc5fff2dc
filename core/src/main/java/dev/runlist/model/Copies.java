package dev.runlist.model;

import dev.runlist.internal.Frozen;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** Defensive copies for the model's constructors. */
final class Copies {

    private Copies() {}

    /** An unmodifiable copy of {@code list}, empty for null; rejects null elements. */
    static <T> List<T> list(@Nullable List<T> list) {
        if (list == null) {
            return List.of();
        }
        if (Frozen.isFrozen(list)) {
            return list; // decoded, immutable and checked already
        }
        return List.copyOf(list);
    }

    /** An unmodifiable, order-keeping copy of {@code map}, empty for null; rejects null keys and values. */
    static <V> Map<String, V> map(@Nullable Map<String, V> map) {
        if (map == null || map.isEmpty()) {
            return Map.of();
        }
        if (Frozen.isFrozen(map)) {
            return map; // decoded, immutable and checked already
        }
        LinkedHashMap<String, V> copy = new LinkedHashMap<>(map);
        for (Map.Entry<String, V> e : copy.entrySet()) {
            Objects.requireNonNull(e.getKey(), "map key");
            Objects.requireNonNull(e.getValue(), () -> "value of '" + e.getKey() + "'");
        }
        return Collections.unmodifiableMap(copy);
    }

    /** Like {@link #map}, but null stays null. */
    static <V> @Nullable Map<String, V> nullableMap(@Nullable Map<String, V> map) {
        return map == null ? null : map(map);
    }
}
