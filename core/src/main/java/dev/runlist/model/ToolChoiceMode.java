package dev.runlist.model;

/**
 * The string form of {@link ToolChoice}: {@link #NONE}, {@link #AUTO}, {@link #REQUIRED}, or any other
 * string kept as sent with {@link #kind()} {@link Kind#UNKNOWN}.
 */
public final class ToolChoiceMode extends OpenValue<ToolChoiceMode.Kind> implements ToolChoice {

    /** The known values of {@link ToolChoiceMode}, plus {@link #UNKNOWN} for any other. */
    public enum Kind {
        /** {@code "none"}: the model calls no tool. */
        NONE,
        /** {@code "auto"}: the model decides. */
        AUTO,
        /** {@code "required"}: the model must call at least one tool. */
        REQUIRED,
        /** A value this version of runlist does not know; read it with {@link OpenValue#value()}. */
        UNKNOWN
    }

    /** {@code "none"}: the model calls no tool. */
    public static final ToolChoiceMode NONE = new ToolChoiceMode("none", Kind.NONE);

    /** {@code "auto"}: the model decides. */
    public static final ToolChoiceMode AUTO = new ToolChoiceMode("auto", Kind.AUTO);

    /** {@code "required"}: the model must call at least one tool. */
    public static final ToolChoiceMode REQUIRED = new ToolChoiceMode("required", Kind.REQUIRED);

    private ToolChoiceMode(String value, Kind kind) {
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
    public static ToolChoiceMode of(String raw) {
        switch (raw) {
            case "none":
                return NONE;
            case "auto":
                return AUTO;
            case "required":
                return REQUIRED;
            default:
                return new ToolChoiceMode(raw, Kind.UNKNOWN);
        }
    }
}
