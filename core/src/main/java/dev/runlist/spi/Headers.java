package dev.runlist.spi;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Immutable HTTP headers: names compare case-insensitively, a name may carry several values, and
 * the order of names and values is kept as added.
 *
 * <p>Values that carry credentials ({@code Authorization}, {@code api-key},
 * {@code Proxy-Authorization}, {@code Cookie}, {@code Set-Cookie}, and every name containing
 * {@code key}, {@code token}, {@code secret} or {@code signature}, such as
 * {@code Ocp-Apim-Subscription-Key}; case-insensitive) are redacted by {@link #toString()}.
 * A name or value containing CR, LF or NUL is refused with an {@link IllegalArgumentException} naming
 * the header, so no caller can split a request.
 */
public final class Headers {

    private static final Headers EMPTY = new Headers(Map.of());
    private static final Set<String> SENSITIVE =
            Set.of("authorization", "api-key", "proxy-authorization", "cookie", "set-cookie");
    private static final List<String> SENSITIVE_PARTS = List.of("key", "token", "secret", "signature");

    /** Lower-cased name to (original name, values). */
    private final Map<String, Entry> entries;

    private record Entry(String name, List<String> values) {}

    private Headers(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** {@return no headers} */
    public static Headers empty() {
        return EMPTY;
    }

    /** {@return a builder with no headers} */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Headers made of one value per name, in the map's iteration order.
     *
     * @param single each name's one value
     * @return the headers
     */
    public static Headers of(Map<String, String> single) {
        Builder b = builder();
        single.forEach(b::add);
        return b.build();
    }

    /** {@return a builder holding these headers, to add to or replace them} */
    public Builder toBuilder() {
        Builder b = builder();
        entries.values().forEach(e -> e.values.forEach(v -> b.add(e.name, v)));
        return b;
    }

    /**
     * The first value of {@code name}, if any.
     *
     * @param name the header name, in any case
     * @return its first value, if present
     */
    public Optional<String> firstValue(String name) {
        Entry e = entries.get(key(name));
        return e == null ? Optional.empty() : Optional.of(e.values.get(0));
    }

    /**
     * Every value of {@code name} in the order received; empty when absent.
     *
     * @param name the header name, in any case
     * @return its values
     */
    public List<String> values(String name) {
        Entry e = entries.get(key(name));
        return e == null ? List.of() : e.values;
    }

    /**
     * Whether {@code name} is present.
     *
     * @param name the header name, in any case
     * @return whether it is present
     */
    public boolean contains(String name) {
        return entries.containsKey(key(name));
    }

    /** {@return every header name, as first spelled, in the order added} */
    public List<String> names() {
        List<String> names = new ArrayList<>(entries.size());
        entries.values().forEach(e -> names.add(e.name));
        return Collections.unmodifiableList(names);
    }

    /** {@return the headers as an unmodifiable map from name (as first spelled) to values} */
    public Map<String, List<String>> toMap() {
        Map<String, List<String>> map = new LinkedHashMap<>();
        entries.values().forEach(e -> map.put(e.name, e.values));
        return Collections.unmodifiableMap(map);
    }

    /** {@return whether there are no headers} */
    public boolean isEmpty() {
        return entries.isEmpty();
    }

    /**
     * Whether {@code name} is one whose values are credentials and must never be printed.
     *
     * @param name a header name, in any case
     * @return whether its values are credentials
     */
    public static boolean isSensitive(String name) {
        String key = key(name);
        return SENSITIVE.contains(key) || SENSITIVE_PARTS.stream().anyMatch(key::contains);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Headers h && h.entries.equals(entries);
    }

    @Override
    public int hashCode() {
        return entries.hashCode();
    }

    /** Names and values, with credential values shown as {@code <redacted>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("{");
        for (Entry e : entries.values()) {
            if (sb.length() > 1) {
                sb.append(", ");
            }
            sb.append(e.name).append('=');
            sb.append(isSensitive(e.name) ? "<redacted>" : e.values.toString());
        }
        return sb.append('}').toString();
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** Builds {@link Headers}; not thread-safe. */
    public static final class Builder {
        private final Map<String, Entry> entries = new LinkedHashMap<>();

        private Builder() {}

        /**
         * Adds {@code value} to the values of {@code name}.
         *
         * @param name the header name
         * @param value the value to add
         * @return this builder
         */
        public Builder add(String name, String value) {
            check(name, value);
            Entry e = entries.get(key(name));
            if (e == null) {
                entries.put(key(name), new Entry(name, new ArrayList<>(List.of(value))));
            } else {
                e.values.add(value);
            }
            return this;
        }

        /**
         * Replaces every value of {@code name} with {@code value}.
         *
         * @param name the header name
         * @param value its only value
         * @return this builder
         */
        public Builder set(String name, String value) {
            check(name, value);
            entries.put(key(name), new Entry(name, new ArrayList<>(List.of(value))));
            return this;
        }

        /**
         * Removes {@code name} and its values.
         *
         * @param name the header name
         * @return this builder
         */
        public Builder remove(String name) {
            entries.remove(key(name));
            return this;
        }

        /** {@return returns the headers} */
        public Headers build() {
            Map<String, Entry> copy = new LinkedHashMap<>();
            entries.forEach((k, e) -> copy.put(k, new Entry(e.name, List.copyOf(e.values))));
            return new Headers(Collections.unmodifiableMap(copy));
        }

        private static void check(String name, String value) {
            Objects.requireNonNull(name, "header name");
            Objects.requireNonNull(value, () -> "value of header " + name);
            if (name.isEmpty() || !isToken(name)) {
                throw new IllegalArgumentException("invalid header name: '" + printable(name) + "'");
            }
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\r' || c == '\n' || c == 0) {
                    throw new IllegalArgumentException("value of header " + name
                            + " contains a CR, LF or NUL character at index " + i + "; refused");
                }
            }
        }

        private static boolean isToken(String name) {
            for (int i = 0; i < name.length(); i++) {
                char c = name.charAt(i);
                if (c <= ' ' || c >= 127 || "\"(),/:;<=>?@[\\]{}".indexOf(c) >= 0) {
                    return false;
                }
            }
            return true;
        }

        private static String printable(String s) {
            return s.replace("\r", "\\r").replace("\n", "\\n");
        }
    }
}
