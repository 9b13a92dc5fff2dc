package dev.runlist.internal;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Read-only views of collections that the decoder built and hands over, never to touch them again. The
 * model's defensive copies recognise them and keep them as they are, so a decoded JSON object or list
 * is not copied a second time. Only code of this module can create them (the package is not
 * exported); the caller must pass a collection it owns alone, free of null keys and elements.
 */
public final class Frozen {

    private Frozen() {
    }

    /** {@code members} as an immutable map in their order; the caller gives up {@code members}. */
    public static <V> Map<String, V> map(LinkedHashMap<String, V> members) {
        return members.isEmpty() ? Map.of() : new FrozenMap<>(members);
    }

    /** {@code elements} as an immutable list; the caller gives up {@code elements}. */
    public static <E> List<E> list(ArrayList<E> elements) {
        return elements.isEmpty() ? List.of() : new FrozenList<>(elements);
    }

    /** Whether {@code map} came from {@link #map}, and so needs no copy. */
    public static boolean isFrozen(Map<?, ?> map) {
        return map instanceof FrozenMap;
    }

    /** Whether {@code list} came from {@link #list}, and so needs no copy. */
    public static boolean isFrozen(List<?> list) {
        return list instanceof FrozenList;
    }

    private static final class FrozenMap<V> extends AbstractMap<String, V> {
        private final LinkedHashMap<String, V> members;

        FrozenMap(LinkedHashMap<String, V> members) {
            this.members = members;
        }

        @Override
        public @Nullable V get(@Nullable Object key) {
            return members.get(key);
        }

        @Override
        public boolean containsKey(Object key) {
            return members.containsKey(key);
        }

        @Override
        public int size() {
            return members.size();
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            // A read-only view made on use: most decoded objects are only looked up, never iterated.
            return Collections.unmodifiableMap(members).entrySet();
        }
    }

    private static final class FrozenList<E> extends AbstractList<E> implements RandomAccess {
        private final ArrayList<E> elements;

        FrozenList(ArrayList<E> elements) {
            this.elements = elements;
        }

        @Override
        public E get(int index) {
            return elements.get(index);
        }

        @Override
        public int size() {
            return elements.size();
        }
    }
}
