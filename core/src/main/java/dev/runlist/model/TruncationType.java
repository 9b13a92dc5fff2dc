package dev.runlist.model;

/**
 * How a thread is truncated before a run ({@link TruncationStrategy#type()}).
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #kind()}
 * {@link Kind#UNKNOWN} and {@link #isKnown()} false, instead of failing.
 */
public final class TruncationType extends OpenValue<TruncationType.Kind> {

    /** The known values of {@link TruncationType}, plus {@link #UNKNOWN} for any other. */
    public enum Kind {
        /** {@code "auto"}. */
        AUTO,
        /** {@code "last_messages"}. */
        LAST_MESSAGES,
        /** A value this version of runlist does not know; read it with {@link OpenValue#value()}. */
        UNKNOWN
    }

    /** {@code "auto"}. */
    public static final TruncationType AUTO = new TruncationType("auto", Kind.AUTO);

    /** {@code "last_messages"}. */
    public static final TruncationType LAST_MESSAGES = new TruncationType("last_messages", Kind.LAST_MESSAGES);

    private TruncationType(String value, Kind kind) {
        super(value, kind, kind != Kind.UNKNOWN);
    }

    /**
     * The constant for {@code raw} when it is a known value, otherwise a new unknown value keeping
     * {@code raw}. Never fails for an unknown string.
     *
     * @param raw the wire value
     * @return the constant, or an unknown value of kind {@link Kind#UNKNOWN}
     * @throws NullPointerException when {@code raw} is null
     */
    public static TruncationType of(String raw) {
        switch (raw) {
            case "auto":
                return AUTO;
            case "last_messages":
                return LAST_MESSAGES;
            default:
                return new TruncationType(raw, Kind.UNKNOWN);
        }
    }
}
