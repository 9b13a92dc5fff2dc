package dev.runlist.testing;

import dev.runlist.spi.Headers;
import java.time.Duration;

/**
 * What the handler decided to send, for either front end to deliver the same way: the status, the
 * headers (without {@code Content-Length}, which each front end sets from the body), the full body,
 * how much of it reaches the client and how long to wait first.
 */
record Answer(int status, Headers headers, byte[] body, Delivery delivery, Duration delay) {

    /** How the answer reaches the client. */
    enum Delivery {
        /** Status, headers and the whole body. */
        COMPLETE,
        /** Status and headers announcing the whole body, then half of it, then the connection closes. */
        TRUNCATED,
        /** No response at all: the connection closes. */
        DROP
    }

    Answer withDelivery(Delivery d) {
        return new Answer(status, headers, body, d, delay);
    }

    Answer withDelay(Duration d) {
        return new Answer(status, headers, body, delivery, d);
    }

    Answer withHeaders(Headers extra) {
        if (extra.isEmpty()) {
            return this;
        }
        Headers.Builder b = headers.toBuilder();
        extra.toMap().forEach((name, values) -> {
            b.remove(name);
            values.forEach(v -> b.add(name, v));
        });
        return new Answer(status, b.build(), body, delivery, delay);
    }

    /** How many bytes of the body a truncated delivery sends. */
    int truncatedLength() {
        return body.length / 2;
    }
}
