package dev.runlist.internal;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
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

    /**
     * The pairs of {@code keysAndValues} (key, value, key, value, ...; keys distinct, of type String,
     * values of type V) as an immutable map in their order; the caller gives up the array. A lookup
     * scans the keys, so this is for small objects, which it keeps in a quarter of a hash map's memory.
     */
    public static <V> Map<String, V> smallMap(Object[] keysAndValues) {
        return keysAndValues.length == 0 ? Map.of() : new SmallMap<>(keysAndValues);
    }

    /** {@code elements} as an immutable list; the caller gives up {@code elements}. */
    public static <E> List<E> list(ArrayList<E> elements) {
        return elements.isEmpty() ? List.of() : new FrozenList<>(elements);
    }

    /** The elements of {@code elements} (all of type E) as an immutable list; the caller gives up the array. */
    public static <E> List<E> list(Object[] elements) {
        return elements.length == 0 ? List.of() : new FrozenArray<>(elements);
    }

    /** Whether {@code map} came from {@link #map} or {@link #smallMap}, and so needs no copy. */
    public static boolean isFrozen(Map<?, ?> map) {
        return map instanceof FrozenMap || map instanceof SmallMap;
    }

    /** Whether {@code list} came from one of the {@code list} methods, and so needs no copy. */
    public static boolean isFrozen(List<?> list) {
        return list instanceof FrozenList || list instanceof FrozenArray;
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

    private static final class SmallMap<V> extends AbstractMap<String, V> {
        private final Object[] keysAndValues;

        SmallMap(Object[] keysAndValues) {
            this.keysAndValues = keysAndValues;
        }

        @Override
        @SuppressWarnings("unchecked")
        public @Nullable V get(@Nullable Object key) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i].equals(key)) {
                    return (V) keysAndValues[i + 1];
                }
            }
            return null;
        }

        @Override
        public boolean containsKey(@Nullable Object key) {
            for (int i = 0; i < keysAndValues.length; i += 2) {
                if (keysAndValues[i].equals(key)) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int size() {
            return keysAndValues.length / 2;
        }

        @Override
        public Set<Entry<String, V>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, V>> iterator() {
                    return new Iterator<>() {
                        private int i;

                        @Override
                        public boolean hasNext() {
                            return i < keysAndValues.length;
                        }

                        @Override
                        @SuppressWarnings("unchecked")
                        public Entry<String, V> next() {
                            if (i >= keysAndValues.length) {
                                throw new NoSuchElementException();
                            }
                            Entry<String, V> e = new SimpleImmutableEntry<>(
                                    (String) keysAndValues[i], (V) keysAndValues[i + 1]);
                            i += 2;
                            return e;
                        }
                    };
                }

                @Override
                public int size() {
                    return keysAndValues.length / 2;
                }
            };
        }
    }

    private static final class FrozenArray<E> extends AbstractList<E> implements RandomAccess {
        private final Object[] elements;

        FrozenArray(Object[] elements) {
            this.elements = elements;
        }

        @Override
        @SuppressWarnings("unchecked")
        public E get(int index) {
            return (E) elements[index];
        }

        @Override
        public int size() {
            return elements.length;
        }
    }
}
