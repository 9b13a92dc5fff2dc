package dev.runlist.internal;

import dev.runlist.spi.TransportResponse;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.InflaterInputStream;

/**
 * Reads response bodies the same way whatever the transport: decodes {@code Content-Encoding}
 * (gzip, deflate) here, once, since transports pass bodies through untouched.
 */
public final class ResponseBodies {

    /** How much of an error body is read to find the error envelope or quote a snippet. */
    public static final int MAX_ERROR_BODY = 64 * 1024;

    private ResponseBodies() {}

    /**
     * The body of {@code response} with its content encoding undone.
     *
     * @throws IOException when the encoding is unknown or the gzip header cannot be read
     */
    public static InputStream decoded(TransportResponse response) throws IOException {
        String encoding = response.headers().firstValue("Content-Encoding").orElse("").trim().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "":
            case "identity":
                return response.body();
            case "gzip":
            case "x-gzip":
                return new GZIPInputStream(response.body(), 8192);
            case "deflate":
                return new InflaterInputStream(response.body());
            default:
                throw new IOException("unsupported Content-Encoding '" + encoding + "'");
        }
    }

    /** Reads at most {@link #MAX_ERROR_BODY} bytes of an error response; what cannot be read is left out. */
    public static byte[] readErrorBody(TransportResponse response) {
        try (InputStream in = decoded(response)) {
            return in.readNBytes(MAX_ERROR_BODY);
        } catch (IOException e) {
            return new byte[0];
        }
    }
}
