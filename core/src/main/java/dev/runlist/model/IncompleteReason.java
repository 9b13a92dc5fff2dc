package dev.runlist.model;

/**
 * Which token limit ended an incomplete run ({@link IncompleteDetails#reason()}).
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #kind()}
 * {@link Kind#UNKNOWN} and {@link #isKnown()} false, instead of failing.
 */
public final class IncompleteReason extends OpenValue<IncompleteReason.Kind> {

    /** The known values of {@link IncompleteReason}, plus {@link #UNKNOWN} for any other. */
    public enum Kind {
        /** {@code "max_completion_tokens"}. */
        MAX_COMPLETION_TOKENS,
        /** {@code "max_prompt_tokens"}. */
        MAX_PROMPT_TOKENS,
        /** A value this version of runlist does not know; read it with {@link OpenValue#value()}. */
        UNKNOWN
    }

    /** {@code "max_completion_tokens"}. */
    public static final IncompleteReason MAX_COMPLETION_TOKENS = new IncompleteReason("max_completion_tokens", Kind.MAX_COMPLETION_TOKENS);

    /** {@code "max_prompt_tokens"}. */
    public static final IncompleteReason MAX_PROMPT_TOKENS = new IncompleteReason("max_prompt_tokens", Kind.MAX_PROMPT_TOKENS);

    private IncompleteReason(String value, Kind kind) {
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
    public static IncompleteReason of(String raw) {
        switch (raw) {
            case "max_completion_tokens":
                return MAX_COMPLETION_TOKENS;
            case "max_prompt_tokens":
                return MAX_PROMPT_TOKENS;
            default:
                return new IncompleteReason(raw, Kind.UNKNOWN);
        }
    }
}
