package dev.runlist.testing;

import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * How {@link FakeRunsApi} answers one scripted request, as one immutable value: what to send (a
 * status, extra headers, a body) and how to send it (a delay before the headers, a pace for the
 * body, where to cut the body off, or no answer at all). The parts combine freely, as OkHttp's
 * {@code MockResponse} does:
 *
 * <pre>{@code
 * Fault.status(503).delayHeaders(Duration.ofSeconds(2))           // a 503 after 2 s
 * Fault.status(500).cutBodyAt(10)                                  // a 500 whose body stops after 10 bytes
 * Fault.normal().throttleBody(64, Duration.ofMillis(50))           // headers, then the page dripped
 * Fault.dropConnection().delayHeaders(Duration.ofSeconds(1))       // silence, then a closed connection
 * }</pre>
 *
 * The factories {@link #latency}, {@link #malformedBody}, {@link #truncatedBody}, {@link #htmlError}
 * and {@link #body} are shorthands for common combinations. A fault behaves the same in memory and
 * over HTTP: both front ends deliver the answer it makes through one code path, waiting with the
 * fake's {@link Sleeper}. Immutable and thread-safe; every {@code with}-style method returns a
 * changed copy; equal faults compare equal.
 */
public final class Fault {

    /** Where the body comes from. */
    private enum Source { NORMAL, ENVELOPE, BYTES }

    private static final byte[] MALFORMED_BODY = "{\n  \"object\": \"list\",\n  \"data\": [\n    {\"id\": \"run_abc\",, }\n  ]\n}\n"
            .getBytes(StandardCharsets.UTF_8);
    private static final String JSON = "application/json";

    private final int status;
    private final Source source;
    private final ErrorObject error;
    private final byte[] bytes;
    private final String contentType;
    private final Headers headers;
    private final Duration headersDelay;
    private final int chunkBytes;
    private final Duration chunkPause;
    private final int cutAt;
    private final boolean cutInHalf;
    private final boolean drop;

    private Fault(int status, Source source, ErrorObject error, byte[] bytes, String contentType, Headers headers,
            Duration headersDelay, int chunkBytes, Duration chunkPause, int cutAt, boolean cutInHalf, boolean drop) {
        this.status = status;
        this.source = source;
        this.error = error;
        this.bytes = bytes;
        this.contentType = contentType;
        this.headers = headers;
        this.headersDelay = headersDelay;
        this.chunkBytes = chunkBytes;
        this.chunkPause = chunkPause;
        this.cutAt = cutAt;
        this.cutInHalf = cutInHalf;
        this.drop = drop;
    }

    private static Fault of(int status, Source source, byte[] bytes, String contentType) {
        return new Fault(status, source, null, bytes, contentType, Headers.empty(), Duration.ZERO, 0, Duration.ZERO,
                -1, false, false);
    }

    // ------------------------------------------------------------------ what is sent

    /**
     * The answer the fake would give without a fault (a page or an API error), to change with the
     * other methods, such as {@code Fault.normal().throttleBody(...)}.
     *
     * @return the fault
     */
    public static Fault normal() {
        return of(0, Source.NORMAL, null, null);
    }

    /**
     * Answers with {@code status} and the error envelope the real API sends for it (a 429 says
     * {@code rate_limit_exceeded}, a 503 that the engine is overloaded, ...); change the body with
     * {@link #error} and add headers such as {@code Retry-After} with {@link #header}.
     *
     * @param status the HTTP status, 100..599
     * @return the fault
     * @throws IllegalArgumentException when {@code status} is not in 100..599
     */
    public static Fault status(int status) {
        return of(checkStatus(status), Source.ENVELOPE, null, JSON);
    }

    /**
     * Answers {@code status} with exactly the bytes of {@code body} (copied), complete and with a
     * matching {@code Content-Length}, as {@code Content-Type: application/json} with the standard
     * {@code x-request-id} and {@code openai-processing-ms} headers. Nothing is checked or encoded:
     * an empty body, HTML, JSON {@code null}, a page whose cursors repeat, or gzip bytes cut short
     * (add {@code .header("Content-Encoding", "gzip")}) arrive as given. Change the content type or
     * add headers with {@link #header}.
     *
     * @param status the HTTP status, 100..599
     * @param body the body's bytes
     * @return the fault
     * @throws IllegalArgumentException when {@code status} is not in 100..599
     * @throws NullPointerException when {@code body} is null
     */
    public static Fault body(int status, byte[] body) {
        Objects.requireNonNull(body, "body");
        return of(checkStatus(status), Source.BYTES, body.clone(), JSON);
    }

    /**
     * {@link #body(int, byte[])} with {@code body} encoded as UTF-8.
     *
     * @param status the HTTP status, 100..599
     * @param body the body's text
     * @return the fault
     * @throws IllegalArgumentException when {@code status} is not in 100..599
     * @throws NullPointerException when {@code body} is null
     */
    public static Fault body(int status, String body) {
        return body(status, Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Closes the connection without any response (in memory: {@code execute} throws an {@link
     * java.io.IOException} and {@code executeAsync}'s future fails with one); only {@link
     * #delayHeaders} applies to it.
     *
     * @return the fault
     */
    public static Fault dropConnection() {
        return new Fault(0, Source.NORMAL, null, null, null, Headers.empty(), Duration.ZERO, 0, Duration.ZERO, -1,
                false, true);
    }

    // ------------------------------------------------------------------ shorthands

    /**
     * Waits {@code delay}, then answers normally: {@code Fault.normal().delayHeaders(delay)}. In
     * memory the wait honours the request's timeout (a {@link java.net.SocketTimeoutException} when
     * shorter) and cancellation of an async call.
     *
     * @param delay how long to wait before the headers
     * @return the fault
     * @throws IllegalArgumentException when {@code delay} is negative
     */
    public static Fault latency(Duration delay) {
        return normal().delayHeaders(delay);
    }

    /**
     * Answers 200 {@code application/json} with a body that is not valid JSON.
     *
     * @return the fault
     */
    public static Fault malformedBody() {
        return body(200, MALFORMED_BODY);
    }

    /**
     * Sends the normal answer's status and headers with the {@code Content-Length} of its whole body,
     * then only the first half of the body, then closes the connection (in memory: the body stream
     * throws an {@link java.io.IOException} after half): {@code Fault.normal().cutBodyInHalf()}.
     *
     * @return the fault
     */
    public static Fault truncatedBody() {
        return normal().cutBodyInHalf();
    }

    /**
     * Answers {@code status} with a proxy-style {@code text/html} error page instead of JSON.
     *
     * @param status the HTTP status, 100..599
     * @return the fault
     * @throws IllegalArgumentException when {@code status} is not in 100..599
     */
    public static Fault htmlError(int status) {
        return of(checkStatus(status), Source.BYTES, html(status), "text/html");
    }

    // ------------------------------------------------------------------ changed copies

    /**
     * This fault with response header {@code name: value} added (replacing one of the same name),
     * such as {@code Retry-After: 1}, {@code retry-after-ms: 20} or {@code x-should-retry: false}.
     * Ignored by {@link #dropConnection()}.
     *
     * @param name the header name
     * @param value the header value
     * @return the changed copy
     * @throws IllegalArgumentException when the name is invalid or the value holds CR, LF or NUL
     */
    public Fault header(String name, String value) {
        return new Fault(status, source, error, bytes, contentType, headers.toBuilder().set(name, value).build(),
                headersDelay, chunkBytes, chunkPause, cutAt, cutInHalf, drop);
    }

    /**
     * This {@link #status} fault with {@code error} as the body's envelope instead of the default.
     *
     * @param error the error object to send
     * @return the changed copy
     * @throws IllegalStateException when this is not a {@link #status} fault
     * @throws NullPointerException when {@code error} is null
     */
    public Fault error(ErrorObject error) {
        if (source != Source.ENVELOPE) {
            throw new IllegalStateException("only a Fault.status(...) has an error envelope; this is " + this);
        }
        return new Fault(status, source, Objects.requireNonNull(error, "error"), bytes, contentType, headers,
                headersDelay, chunkBytes, chunkPause, cutAt, cutInHalf, drop);
    }

    /**
     * This fault waiting {@code delay} before it sends the status and headers (or, for {@link
     * #dropConnection()}, before it closes the connection); default none. In memory the wait is
     * bounded by the request's timeout, which then fails with a {@link java.net.SocketTimeoutException}.
     *
     * @param delay how long to wait; zero for none
     * @return the changed copy
     * @throws IllegalArgumentException when {@code delay} is negative
     * @throws NullPointerException when {@code delay} is null
     */
    public Fault delayHeaders(Duration delay) {
        return new Fault(status, source, error, bytes, contentType, headers, nonNegative(delay, "delay"), chunkBytes,
                chunkPause, cutAt, cutInHalf, drop);
    }

    /**
     * This fault sending its body {@code bytes} at a time with {@code pause} before each piece after
     * the first, as a slow server drips it; default the whole body at once. In memory each read
     * returns at most one piece, and the pauses count against the request's timeout.
     *
     * @param bytes the size of each piece, at least 1
     * @param pause the wait before each piece after the first
     * @return the changed copy
     * @throws IllegalArgumentException when {@code bytes} is less than 1 or {@code pause} negative
     * @throws NullPointerException when {@code pause} is null
     */
    public Fault throttleBody(int bytes, Duration pause) {
        if (bytes < 1) {
            throw new IllegalArgumentException("bytes must be at least 1, was " + bytes);
        }
        return new Fault(status, source, error, this.bytes, contentType, headers, headersDelay, bytes,
                nonNegative(pause, "pause"), cutAt, cutInHalf, drop);
    }

    /**
     * This fault announcing its whole body in {@code Content-Length} but sending only its first
     * {@code bytes} bytes (all of it when shorter), then closing the connection; in memory the body
     * stream then throws an {@link java.io.IOException}. {@code 0} sends the headers only.
     *
     * @param bytes how many body bytes arrive, 0 or more
     * @return the changed copy
     * @throws IllegalArgumentException when {@code bytes} is negative
     */
    public Fault cutBodyAt(int bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be 0 or more, was " + bytes);
        }
        return new Fault(status, source, error, this.bytes, contentType, headers, headersDelay, chunkBytes,
                chunkPause, bytes, false, drop);
    }

    /**
     * This fault sending only the first half of its body (rounded down), then closing the
     * connection, as {@link #cutBodyAt} does.
     *
     * @return the changed copy
     */
    public Fault cutBodyInHalf() {
        return new Fault(status, source, error, bytes, contentType, headers, headersDelay, chunkBytes, chunkPause,
                -1, true, drop);
    }

    // ------------------------------------------------------------------ making the answer

    /** The answer this fault sends, from the normal one {@code r} would give. */
    Answer answer(Responder r) {
        Answer base;
        switch (source) {
            case NORMAL:
                base = r.normal();
                break;
            case ENVELOPE:
                base = r.respond(status, contentType,
                        RunsJson.standard().writeError(error != null ? error : ApiErrors.forStatus(status)));
                break;
            default:
                base = r.respond(status, contentType, bytes.clone());
        }
        int length = base.body().length;
        int sent = cutInHalf ? length / 2 : cutAt < 0 ? length : Math.min(cutAt, length);
        return base.withHeaders(headers).delivered(headersDelay, chunkBytes, chunkPause, sent < length ? sent : -1,
                drop, toString());
    }

    /** Builds answers for a fault: the normal answer, or a new one with the standard headers. */
    interface Responder {
        /** What the fake would answer without the fault. */
        Answer normal();

        /** A complete answer with {@code status}, the standard headers and {@code body}. */
        Answer respond(int status, String contentType, byte[] body);
    }

    // ------------------------------------------------------------------ value

    /**
     * Whether {@code o} is a fault with every part equal (bodies by content).
     *
     * @param o the object to compare
     * @return true when equal
     */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Fault)) {
            return false;
        }
        Fault f = (Fault) o;
        return status == f.status && source == f.source && Objects.equals(error, f.error)
                && Arrays.equals(bytes, f.bytes) && Objects.equals(contentType, f.contentType)
                && headers.equals(f.headers) && headersDelay.equals(f.headersDelay) && chunkBytes == f.chunkBytes
                && chunkPause.equals(f.chunkPause) && cutAt == f.cutAt && cutInHalf == f.cutInHalf && drop == f.drop;
    }

    /**
     * A hash of every part, consistent with {@link #equals}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return Objects.hash(status, source, error, Arrays.hashCode(bytes), headers, headersDelay, chunkBytes, cutAt,
                cutInHalf, drop);
    }

    /**
     * Names every part that differs from the normal answer, such as {@code Fault[503, headers after PT2S]}.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return "Fault[" + describe() + "]";
    }

    private String describe() {
        StringBuilder sb = new StringBuilder();
        if (drop) {
            sb.append("drop connection");
        } else if (source == Source.NORMAL) {
            sb.append("normal answer");
        } else if (source == Source.ENVELOPE) {
            sb.append(status).append(error != null ? " " + error.type() : "");
        } else {
            sb.append("body ").append(status).append(", ").append(bytes.length).append(" bytes");
        }
        if (!headersDelay.isZero()) {
            sb.append(drop ? " after " : ", headers after ").append(headersDelay);
        }
        if (!drop) {
            if (chunkBytes > 0) {
                sb.append(", body in ").append(chunkBytes).append("-byte pieces every ").append(chunkPause);
            }
            if (cutInHalf) {
                sb.append(", body cut in half");
            } else if (cutAt >= 0) {
                sb.append(", body cut after ").append(cutAt).append(" bytes");
            }
            if (!headers.isEmpty()) {
                sb.append(", headers=").append(headers);
            }
        }
        return sb.toString();
    }

    private static int checkStatus(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be in 100..599, was " + status);
        }
        return status;
    }

    private static Duration nonNegative(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative()) {
            throw new IllegalArgumentException(what + " must not be negative, was " + d);
        }
        return d;
    }

    private static byte[] html(int status) {
        String title = status + " " + reason(status);
        return ("<html>\r\n<head><title>" + title + "</title></head>\r\n<body>\r\n<center><h1>" + title
                + "</h1></center>\r\n<hr><center>cloudflare</center>\r\n</body>\r\n</html>\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static String reason(int status) {
        switch (status) {
            case 500: return "Internal Server Error";
            case 502: return "Bad Gateway";
            case 503: return "Service Temporarily Unavailable";
            case 504: return "Gateway Time-out";
            case 429: return "Too Many Requests";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            default: return "Error";
        }
    }
}
