package dev.runlist.model;

import java.util.Objects;

/**
 * A string from a documented set that the API may extend: a known value is one of the subclass's
 * constants, anything else is kept as sent with {@link #isKnown()} false. Two values are equal when
 * they are of the same type and have the same string.
 */
public abstract sealed class OpenValue
        permits RunStatus, LastErrorCode, IncompleteReason, TruncationType, ToolChoice.Mode,
                ResponseFormat.Mode {

    private final String value;
    private final boolean known;

    /** For subclasses: {@code known} is true only for the subclass's constants. */
    protected OpenValue(String value, boolean known) {
        this.value = Objects.requireNonNull(value, "value");
        this.known = known;
    }

    /** The string as sent on the wire, such as {@code "in_progress"}. */
    public final String value() {
        return value;
    }

    /** Whether this is one of the documented values this version of runlist knows. */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object o) {
        return o == this
                || (o != null && o.getClass() == getClass() && ((OpenValue) o).value.equals(value));
    }

    @Override
    public final int hashCode() {
        return value.hashCode();
    }

    /** The wire value. */
    @Override
    public final String toString() {
        return value;
    }
}
