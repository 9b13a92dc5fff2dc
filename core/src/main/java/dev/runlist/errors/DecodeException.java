package dev.runlist.errors;

import org.jspecify.annotations.Nullable;

/**
 * A response body could not be read as the JSON the API documents. The message names the JSON path
 * (such as {@code $.data[3].created_at}) and the byte offset where reading stopped.
 */
public class DecodeException extends RunlistException {

    private static final long serialVersionUID = 1L;

    /** Where in the JSON decoding failed. */
    private final String jsonPath;
    /** The byte offset at which decoding failed. */
    private final long byteOffset;

    /**
     * @param problem what was wrong, such as "expected an integer but found a string"
     * @param jsonPath where, in JSONPath notation; {@code "$"} for the document itself
     * @param byteOffset the offset in the body of the token at fault, or -1 when unknown
     * @param cause the underlying parser or I/O failure, or {@code null}
     */
    public DecodeException(String problem, String jsonPath, long byteOffset, @Nullable Throwable cause) {
        super(problem + " at " + jsonPath + " (byte offset " + byteOffset + ")", cause);
        this.jsonPath = jsonPath;
        this.byteOffset = byteOffset;
    }

    /** {@return where in the document the problem is, in JSONPath notation} */
    public String jsonPath() {
        return jsonPath;
    }

    /** {@return the byte offset in the body where the problem was found, or -1 when unknown} */
    public long byteOffset() {
        return byteOffset;
    }
}
