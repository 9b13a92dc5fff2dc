package dev.runlist.testing;

import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;

/**
 * A scripted misbehaviour of {@link FakeRunsApi} for one request: an error status, latency, a
 * malformed or truncated body, a dropped connection, a proxy's HTML error page, or any raw body. Faults behave the
 * same in memory and over HTTP. Immutable and thread-safe; {@link #header} and {@link #error} return
 * changed copies.
 */
public final class Fault {

    private enum Kind { STATUS, LATENCY, MALFORMED, TRUNCATED, DROP, HTML, BODY }

    private static final byte[] MALFORMED_BODY = "{\n  \"object\": \"list\",\n  \"data\": [\n    {\"id\": \"run_abc\",, }\n  ]\n}\n"
            .getBytes(StandardCharsets.UTF_8);

    private final Kind kind;
    private final int status;
    private final Duration latency;
    private final Headers headers;
    private final ErrorObject error;
    private final byte[] body;

    private Fault(Kind kind, int status, Duration latency, Headers headers, ErrorObject error) {
        this(kind, status, latency, headers, error, null);
    }

    private Fault(Kind kind, int status, Duration latency, Headers headers, ErrorObject error, byte[] body) {
        this.kind = kind;
        this.status = status;
        this.latency = latency;
        this.headers = headers;
        this.error = error;
        this.body = body;
    }

    /**
     * Answers with {@code status} and the error envelope the real API sends for it (a 429 says
     * {@code rate_limit_exceeded}, a 503 that the engine is overloaded, ...); change the body with
     * {@link #error} and add headers such as {@code Retry-After} with {@link #header}.
     *
     * @throws IllegalArgumentException when {@code status} is not in 100..599
     */
    public static Fault status(int status) {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be in 100..599, was " + status);
        }
        return new Fault(Kind.STATUS, status, Duration.ZERO, Headers.empty(), null);
    }

    /**
     * Waits {@code delay}, then answers normally. In memory the wait honours the request's timeout
     * (a {@link java.net.SocketTimeoutException} when shorter) and cancellation of an async call.
     *
     * @throws IllegalArgumentException when {@code delay} is negative
     */
    public static Fault latency(Duration delay) {
        Objects.requireNonNull(delay, "delay");
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative, was " + delay);
        }
        return new Fault(Kind.LATENCY, 0, delay, Headers.empty(), null);
    }

    /** Answers 200 {@code application/json} with a body that is not valid JSON. */
    public static Fault malformedBody() {
        return new Fault(Kind.MALFORMED, 200, Duration.ZERO, Headers.empty(), null);
    }

    /**
     * Sends the normal answer's status and headers with the {@code Content-Length} of its whole body,
     * then only the first half of the body, then closes the connection (in memory: the body stream
     * throws an {@link java.io.IOException} after half).
     */
    public static Fault truncatedBody() {
        return new Fault(Kind.TRUNCATED, 0, Duration.ZERO, Headers.empty(), null);
    }

    /**
     * Closes the connection without any response (in memory: {@code execute} throws an
     * {@link java.io.IOException} and {@code executeAsync}'s future fails with one).
     */
    public static Fault dropConnection() {
        return new Fault(Kind.DROP, 0, Duration.ZERO, Headers.empty(), null);
    }

    /** Answers {@code status} with a proxy-style {@code text/html} error page instead of JSON. */
    public static Fault htmlError(int status) {
        return new Fault(Kind.HTML, status(status).status, Duration.ZERO, Headers.empty(), null);
    }

    /**
     * Answers {@code status} with exactly the bytes of {@code body} (copied), complete and with a
     * matching {@code Content-Length}, as {@code Content-Type: application/json} with the standard
     * {@code x-request-id} and {@code openai-processing-ms} headers. Nothing is checked or encoded:
     * an empty body, HTML, JSON {@code null}, a page whose cursors repeat, or gzip bytes cut short
     * (add {@code .header("Content-Encoding", "gzip")}) arrive as given. Change the content type or
     * add headers with {@link #header}.
     *
     * @throws IllegalArgumentException when {@code status} is not in 100..599
     * @throws NullPointerException when {@code body} is null
     */
    public static Fault body(int status, byte[] body) {
        Objects.requireNonNull(body, "body");
        return new Fault(Kind.BODY, status(status).status, Duration.ZERO, Headers.empty(), null, body.clone());
    }

    /**
     * {@link #body(int, byte[])} with {@code body} encoded as UTF-8.
     *
     * @throws IllegalArgumentException when {@code status} is not in 100..599
     * @throws NullPointerException when {@code body} is null
     */
    public static Fault body(int status, String body) {
        return body(status, Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * This fault with response header {@code name: value} added (replacing one of the same name),
     * such as {@code Retry-After: 1}, {@code retry-after-ms: 20} or {@code x-should-retry: false}.
     * Ignored by {@link #dropConnection()}.
     *
     * @throws IllegalArgumentException when the name is invalid or the value holds CR, LF or NUL
     */
    public Fault header(String name, String value) {
        return new Fault(kind, status, latency, headers.toBuilder().set(name, value).build(), error, body);
    }

    /**
     * This {@link #status} fault with {@code error} as the body's envelope instead of the default.
     *
     * @throws IllegalStateException when this is not a {@link #status} fault
     */
    public Fault error(ErrorObject error) {
        if (kind != Kind.STATUS) {
            throw new IllegalStateException("only a Fault.status(...) has an error envelope; this is " + this);
        }
        return new Fault(kind, status, latency, headers, Objects.requireNonNull(error, "error"), body);
    }

    /** What the fault sends, built with {@code r} so that both front ends share it. */
    Answer answer(Responder r) {
        switch (kind) {
            case STATUS:
                byte[] body = RunsJson.standard().writeError(error != null ? error : ApiErrors.forStatus(status));
                return r.respond(status, "application/json", body).withHeaders(headers);
            case LATENCY:
                return r.normal().withHeaders(headers).withDelay(latency);
            case MALFORMED:
                return r.respond(200, "application/json", MALFORMED_BODY.clone()).withHeaders(headers);
            case TRUNCATED:
                return r.normal().withHeaders(headers).withDelivery(Answer.Delivery.TRUNCATED);
            case DROP:
                return r.respond(0, "text/plain", new byte[0]).withDelivery(Answer.Delivery.DROP);
            case HTML:
                return r.respond(status, "text/html", html(status)).withHeaders(headers);
            case BODY:
                return r.respond(status, "application/json", this.body.clone()).withHeaders(headers);
            default:
                throw new AssertionError(kind);
        }
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

    /** Builds answers for a fault: the normal answer, or a new one with the standard headers. */
    interface Responder {
        /** What the fake would answer without the fault. */
        Answer normal();

        /** A complete answer with {@code status}, the standard headers and {@code body}. */
        Answer respond(int status, String contentType, byte[] body);
    }

    /** Names the fault, its status, delay and extra headers. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Fault[").append(kind.name().toLowerCase(java.util.Locale.ROOT));
        if (status != 0) {
            sb.append(' ').append(status);
        }
        if (!latency.isZero()) {
            sb.append(' ').append(latency);
        }
        if (body != null) {
            sb.append(", ").append(body.length).append(" bytes");
        }
        if (!headers.isEmpty()) {
            sb.append(", headers=").append(headers);
        }
        return sb.append(']').toString();
    }
}
