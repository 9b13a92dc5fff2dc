package dev.runlist.testing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.time.Duration;

/**
 * Sends one {@link Answer} the way its fault says, for both front ends alike: the wait before the
 * headers (or a dropped connection), then the body as a stream that hands out the scripted pieces
 * with their pauses and fails where the body is cut. The in-memory transport returns that stream as
 * the response body; the HTTP front end copies it to the socket piece by piece, so both deliver the
 * same bytes at the same moments. Waits go through the fake's {@link Sleeper}; in memory they count
 * against the request's timeout (a budget of scripted time, so an injected sleeper keeps it exact).
 * Not thread-safe: one per exchange.
 */
final class Delivery {

    private final Answer answer;
    private final Sleeper sleeper;
    private final String target;
    /** Scripted time left before the request times out; null when unbounded. */
    private Duration budget;

    /**
     * @param timeout the request's timeout, bounding the scripted waits; null for none
     * @param target the request line, such as {@code GET /v1/threads/t/runs}, for messages
     */
    Delivery(Answer answer, Sleeper sleeper, Duration timeout, String target) {
        this.answer = answer;
        this.sleeper = sleeper;
        this.budget = timeout;
        this.target = target;
    }

    /**
     * Waits until the headers are due.
     *
     * @throws SocketTimeoutException when the request's timeout ends the wait first
     * @throws IOException when the answer closes the connection without a response
     */
    void awaitHeaders() throws IOException {
        pause(answer.headersDelay(), "the response headers");
        if (answer.drop()) {
            throw new IOException(target + ": the connection was closed before any response (scripted "
                    + answer.fault() + ")");
        }
    }

    /** The body as it arrives: all at once, or in pieces with pauses, failing at a cut. */
    InputStream body() {
        if (answer.chunkBytes() == 0 && !answer.cut()) {
            return new ByteArrayInputStream(answer.body());
        }
        return new ScriptedBody();
    }

    private void pause(Duration d, String waitingFor) throws IOException {
        if (d.isZero()) {
            return;
        }
        boolean timesOut = budget != null && budget.compareTo(d) < 0;
        Duration wait = timesOut ? budget : d;
        try {
            if (!wait.isZero()) {
                sleeper.sleep(wait);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while " + target + " waited for " + waitingFor);
        }
        if (timesOut) {
            throw new SocketTimeoutException(target + " timed out waiting for " + waitingFor + " (scripted "
                    + answer.fault() + ")");
        }
        if (budget != null) {
            budget = budget.minus(wait);
        }
    }

    /** The body's bytes up to the cut, at most one piece per read, pausing before each later piece. */
    private final class ScriptedBody extends InputStream {
        private final byte[] body = answer.body();
        private final int end = answer.cut() ? answer.cutAt() : body.length;
        private final int piece = answer.chunkBytes() == 0 ? Integer.MAX_VALUE : answer.chunkBytes();
        private int pos;
        private int pausedBefore;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (pos >= end) {
                if (answer.cut()) {
                    throw new IOException(target + ": the connection closed after " + pos + " of "
                            + body.length + " body bytes (Content-Length " + body.length + "; scripted "
                            + answer.fault() + ")");
                }
                return -1;
            }
            if (pos > 0 && pos % piece == 0 && pausedBefore != pos) {
                pausedBefore = pos;
                pause(answer.chunkPause(), "the body");
            }
            int pieceEnd = (int) Math.min((long) (pos / piece + 1) * piece, end);
            int n = Math.min(len, pieceEnd - pos);
            System.arraycopy(body, pos, buf, off, n);
            pos += n;
            return n;
        }

        @Override
        public int available() {
            return 0;
        }
    }
}
