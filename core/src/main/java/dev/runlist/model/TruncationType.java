package dev.runlist.model;

/**
 * How a thread is truncated before a run ({@link TruncationStrategy#type()}).
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #isKnown()}
 * false, instead of failing.
 */
public final class TruncationType extends OpenValue {

    /** {@code "auto"}. */
    public static final TruncationType AUTO = new TruncationType("auto", true);

    /** {@code "last_messages"}. */
    public static final TruncationType LAST_MESSAGES = new TruncationType("last_messages", true);

    private TruncationType(String value, boolean known) {
        super(value, known);
    }

    /**
     * The constant for {@code raw} when it is a known value, otherwise a new unknown value keeping
     * {@code raw}. Never fails for an unknown string.
     *
     * @throws NullPointerException when {@code raw} is null
     */
    public static TruncationType of(String raw) {
        switch (raw) {
            case "auto":
                return AUTO;
            case "last_messages":
                return LAST_MESSAGES;
            default:
                return new TruncationType(raw, false);
        }
    }
}
