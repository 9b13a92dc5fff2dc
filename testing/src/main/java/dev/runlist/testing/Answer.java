package dev.runlist.testing;

import dev.runlist.spi.Headers;
import java.time.Duration;

/**
 * What the handler decided to send, for either front end to deliver through {@link Delivery}: the
 * status, the headers (without {@code Content-Length}, which each front end sets from the body), the
 * full body, and how it travels: a wait before the headers, the body in pieces of {@code chunkBytes}
 * (0: at once) with {@code chunkPause} before each piece after the first, only the first {@code
 * cutAt} bytes then a closed connection (-1: all of it), or no response at all ({@code drop}).
 * {@code fault} names the scripted fault behind it (null for a normal answer), for error messages.
 */
record Answer(int status, Headers headers, byte[] body, Duration headersDelay, int chunkBytes, Duration chunkPause,
        int cutAt, boolean drop, String fault) {

    /** A complete answer sent at once. */
    static Answer complete(int status, Headers headers, byte[] body) {
        return new Answer(status, headers, body, Duration.ZERO, 0, Duration.ZERO, -1, false, null);
    }

    /** This answer with {@code extra} headers, each replacing those of its name. */
    Answer withHeaders(Headers extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Headers.Builder b = headers.toBuilder();
        extra.toMap().forEach((name, values) -> {
            b.remove(name);
            values.forEach(v -> b.add(name, v));
        });
        return new Answer(status, b.build(), body, headersDelay, chunkBytes, chunkPause, cutAt, drop, fault);
    }

    /** This answer's content, sent the way a scripted fault says. */
    Answer delivered(Duration headersDelay, int chunkBytes, Duration chunkPause, int cutAt, boolean drop,
            String fault) {
        return new Answer(status, headers, body, headersDelay, chunkBytes, chunkPause, cutAt, drop, fault);
    }

    /** Whether the body stops before its end. */
    boolean cut() {
        return cutAt >= 0 && cutAt < body.length;
    }
}
