package dev.runlist.model;

/**
 * Which token limit ended an incomplete run ({@link IncompleteDetails#reason()}).
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #isKnown()}
 * false, instead of failing.
 */
public final class IncompleteReason extends OpenValue {

    /** {@code "max_completion_tokens"}. */
    public static final IncompleteReason MAX_COMPLETION_TOKENS = new IncompleteReason("max_completion_tokens", true);

    /** {@code "max_prompt_tokens"}. */
    public static final IncompleteReason MAX_PROMPT_TOKENS = new IncompleteReason("max_prompt_tokens", true);

    private IncompleteReason(String value, boolean known) {
        super(value, known);
    }

    /**
     * The constant for {@code raw} when it is a known value, otherwise a new unknown value keeping
     * {@code raw}. Never fails for an unknown string.
     *
     * @throws NullPointerException when {@code raw} is null
     */
    public static IncompleteReason of(String raw) {
        switch (raw) {
            case "max_completion_tokens":
                return MAX_COMPLETION_TOKENS;
            case "max_prompt_tokens":
                return MAX_PROMPT_TOKENS;
            default:
                return new IncompleteReason(raw, false);
        }
    }
}
