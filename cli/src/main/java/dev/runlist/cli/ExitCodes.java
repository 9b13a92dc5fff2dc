package dev.runlist.cli;

/** The exit codes of {@code runlist}, distinct per kind of failure so scripts can tell them apart. */
public final class ExitCodes {
    /** Success. */
    public static final int OK = 0;
    /** A failure the CLI did not classify. */
    public static final int SOFTWARE = 1;
    /** Bad flags or arguments. */
    public static final int USAGE = 2;
    /** The API answered with an error status. */
    public static final int API_ERROR = 3;
    /** The API could not be reached (connection, timeout). */
    public static final int NETWORK = 4;
    /** The API's answer could not be read, or paging could not go on safely. */
    public static final int BAD_RESPONSE = 5;
    /** {@code serve-fake} could not listen on its port (in use, or not allowed). */
    public static final int PORT_UNAVAILABLE = 6;

    private ExitCodes() {}
}
