package dev.runlist.json;

import dev.runlist.internal.Frozen;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The members and elements of the JSON objects and arrays being read, innermost last, on one stack for
 * the whole document. A value's parts are pushed while it is read and leave as one immutable, right-sized
 * map or list when it ends, so no growing map or list is built per value and then copied. One instance
 * per document; not thread-safe.
 */
final class ValueStack {

    /** Objects of up to this many members are kept as a scanned array; larger ones as a hash map. */
    private static final int SMALL_OBJECT = 8;

    /** Pushed parts: an object's as name, value, name, value...; an array's as its elements. */
    private Object[] slots = new Object[32];
    private int top;

    /** Starts a value; returns its frame, which the value's parts are pushed above. */
    int open() {
        return top;
    }

    /** Pushes a member of the object opened last. */
    void member(String name, Object value) {
        if (top + 2 > slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[top++] = name;
        slots[top++] = value;
    }

    /** Pushes an element of the array opened last. */
    void element(Object element) {
        if (top == slots.length) {
            slots = Arrays.copyOf(slots, slots.length * 2);
        }
        slots[top++] = element;
    }

    /**
     * Ends the object opened at {@code frame}: its members in order, as {@link LinkedHashMap#put} would
     * keep them (a repeated name keeps its first place and its last value). The caller pushed only
     * values of type V.
     */
    @SuppressWarnings("unchecked")
    <V> Map<String, V> closeObject(int frame) {
        Object[] pairs = Arrays.copyOfRange(slots, frame, top);
        top = frame;
        if (pairs.length <= 2 * SMALL_OBJECT && !hasRepeatedName(pairs)) {
            return Frozen.smallMap(pairs);
        }
        LinkedHashMap<String, V> map = new LinkedHashMap<>(pairs.length);
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (V) pairs[i + 1]);
        }
        return Frozen.map(map);
    }

    /** Ends the array opened at {@code frame}: its elements in order. The caller pushed only elements of type E. */
    <E> List<E> closeArray(int frame) {
        Object[] elements = Arrays.copyOfRange(slots, frame, top);
        top = frame;
        return Frozen.list(elements);
    }

    private static boolean hasRepeatedName(Object[] pairs) {
        for (int i = 2; i < pairs.length; i += 2) {
            for (int j = 0; j < i; j += 2) {
                if (pairs[i].equals(pairs[j])) {
                    return true;
                }
            }
        }
        return false;
    }
}
