package dev.runlist.model;

/**
 * The code of a run's {@link LastError}.
 *
 * <p>Open: {@link #of(String)} keeps a value this version does not know, with {@link #isKnown()}
 * false, instead of failing.
 */
public final class LastErrorCode extends OpenValue {

    /** {@code "server_error"}. */
    public static final LastErrorCode SERVER_ERROR = new LastErrorCode("server_error", true);

    /** {@code "rate_limit_exceeded"}. */
    public static final LastErrorCode RATE_LIMIT_EXCEEDED = new LastErrorCode("rate_limit_exceeded", true);

    /** {@code "invalid_prompt"}. */
    public static final LastErrorCode INVALID_PROMPT = new LastErrorCode("invalid_prompt", true);

    private LastErrorCode(String value, boolean known) {
        super(value, known);
    }

    /**
     * The constant for {@code raw} when it is a known value, otherwise a new unknown value keeping
     * {@code raw}. Never fails for an unknown string.
     *
     * @throws NullPointerException when {@code raw} is null
     */
    public static LastErrorCode of(String raw) {
        switch (raw) {
            case "server_error":
                return SERVER_ERROR;
            case "rate_limit_exceeded":
                return RATE_LIMIT_EXCEEDED;
            case "invalid_prompt":
                return INVALID_PROMPT;
            default:
                return new LastErrorCode(raw, false);
        }
    }
}
