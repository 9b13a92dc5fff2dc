package dev.runlist.model;

/**
 * The string form of {@link ResponseFormat}: {@link #AUTO}, {@link #NONE}, or any other string kept as
 * sent with {@link #kind()} {@link Kind#UNKNOWN}.
 */
public final class ResponseFormatMode extends OpenValue<ResponseFormatMode.Kind> implements ResponseFormat {

    /** The known values of {@link ResponseFormatMode}, plus {@link #UNKNOWN} for any other. */
    public enum Kind {
        /** {@code "auto"}, the default. */
        AUTO,
        /** {@code "none"}. */
        NONE,
        /** A value this version of runlist does not know; read it with {@link OpenValue#value()}. */
        UNKNOWN
    }

    /** {@code "auto"}, the default. */
    public static final ResponseFormatMode AUTO = new ResponseFormatMode("auto", Kind.AUTO);

    /** {@code "none"}. */
    public static final ResponseFormatMode NONE = new ResponseFormatMode("none", Kind.NONE);

    private ResponseFormatMode(String value, Kind kind) {
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
    public static ResponseFormatMode of(String raw) {
        switch (raw) {
            case "auto":
                return AUTO;
            case "none":
                return NONE;
            default:
                return new ResponseFormatMode(raw, Kind.UNKNOWN);
        }
    }
}
