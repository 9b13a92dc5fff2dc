package dev.runlist.model;

import java.util.Objects;

/**
 * A string from a documented set that the API may extend. A known value is one of the subclass's
 * constants; anything else is kept as sent, with {@link #isKnown()} false and {@link #kind()} the
 * {@code UNKNOWN} constant of the subclass's kind enum. Two values are equal when they are of the same
 * type and have the same string. Immutable and thread-safe.
 *
 * <p>{@link #kind()} makes the value usable in an exhaustive {@code switch}:
 * <pre>{@code
 * switch (run.status().kind()) {
 *     case QUEUED, IN_PROGRESS, CANCELLING -> waitFor(run);
 *     case REQUIRES_ACTION -> submitToolOutputs(run);
 *     case COMPLETED -> use(run);
 *     case FAILED, CANCELLED, EXPIRED, INCOMPLETE -> report(run);
 *     case UNKNOWN -> log("new status " + run.status().value());
 * }
 * }</pre>
 *
 * @param <K> the enum of the known values plus {@code UNKNOWN}
 */
public abstract sealed class OpenValue<K extends Enum<K>>
        permits RunStatus, LastErrorCode, IncompleteReason, TruncationType, ToolChoiceMode, ResponseFormatMode {

    private final String value;
    private final K kind;
    private final boolean known;

    /** For subclasses: {@code known} is true only for the subclass's constants. */
    OpenValue(String value, K kind, boolean known) {
        this.value = Objects.requireNonNull(value, "value");
        this.kind = kind;
        this.known = known;
    }

    /** {@return the string as sent on the wire, such as {@code "in_progress"}, known or not} */
    public final String value() {
        return value;
    }

    /**
     * The known value this is, as an enum constant to {@code switch} on, or {@code UNKNOWN} for a
     * value this version of runlist does not know (read it with {@link #value()}).
     *
     * @return the known value, or {@code UNKNOWN}
     */
    public final K kind() {
        return kind;
    }

    /** {@return whether this is one of the documented values this version of runlist knows} */
    public final boolean isKnown() {
        return known;
    }

    @Override
    public final boolean equals(Object o) {
        return o == this
                || (o != null && o.getClass() == getClass() && ((OpenValue<?>) o).value.equals(value));
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
