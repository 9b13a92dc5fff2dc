package dev.runlist;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Observes what a client does: each HTTP attempt, each retry and why, each page and each listing's
 * end. Register one or more with {@link RunsClient.Builder#listener(RunsListener)} to feed metrics,
 * traces or logs without runlist depending on any of them; every method does nothing by default, so
 * implement only those you need.
 *
 * <pre>{@code
 * RunsClient.builder().apiKey(key).listener(new RunsListener() {
 *     public void attemptEnded(RunsListener.AttemptEnded e) {
 *         System.out.println(e.method() + " " + e.url() + " -> " + e.status() + " in " + e.duration());
 *     }
 * }).build();
 * }</pre>
 *
 * <p>Each method receives an immutable event (a record that may gain components in later versions).
 * Events never hold the API key, a token or any credential header: URLs have their query values
 * whose names look like credentials masked, and every text that may quote a server or the
 * transport is redacted as exception messages are.
 *
 * <p>Methods are called on the thread doing the work (the caller's for blocking calls, a client pool
 * thread or the transport's for asynchronous ones), possibly from several threads at once: an
 * implementation must be thread-safe and quick. An exception thrown by a listener is logged once per
 * listener (at WARN on the logger {@code dev.runlist.listener}, later ones at DEBUG) and never breaks
 * or changes a call; other listeners still get the event.
 *
 * <p>For every attempt, {@link #attemptStarted} comes first and {@link #attemptEnded} last; a page
 * ({@link #pageDelivered}) is reported when it has been decoded, just before its attempt's end, and a
 * {@link #retryScheduled} just after the end of the attempt that failed. A listing ({@link
 * RunsClient#listAll}, {@link RunsClient#stream}, {@link RunsClient#listAllAsync}) reports each page
 * it fetches and then once {@link #listingEnded}, whether it completed, failed or was cancelled.
 */
public interface RunsListener {

    /**
     * An HTTP attempt is about to be sent.
     *
     * @param event the method, URL and attempt number
     */
    default void attemptStarted(AttemptStarted event) {}

    /**
     * An HTTP attempt ended: its response was read (whatever the status) or it failed.
     *
     * @param event the status or failure, the duration, the request id and the body's size
     */
    default void attemptEnded(AttemptEnded event) {}

    /**
     * A failed attempt is to be retried after a delay.
     *
     * @param event why, how long the client waits and who chose that delay
     */
    default void retryScheduled(RetryScheduled event) {}

    /**
     * A page of runs was received and decoded, for a single-page call or within a listing.
     *
     * @param event the thread, the number of runs, {@code has_more} and the decode time
     */
    default void pageDelivered(PageDelivered event) {}

    /**
     * A listing ended: it delivered its last run, failed, was cancelled, timed out, was interrupted, or
     * its client was closed. A blocking listing the caller simply stops iterating does not end until
     * its {@link java.util.stream.Stream} is closed (then {@link Ending#CANCELLED}); otherwise nothing
     * tells the client it was abandoned.
     *
     * @param event the thread, the runs and pages delivered and how it ended
     */
    default void listingEnded(ListingEnded event) {}

    /**
     * An attempt about to be sent.
     *
     * @param method the HTTP method, such as {@code GET}
     * @param url the request URL, its query included, with credential-like query values masked
     * @param attempt 1 for the first attempt of a call, 2 for its first retry, and so on
     */
    record AttemptStarted(String method, String url, int attempt) {
        /**
         * Checks that method and URL are present and the attempt is 1 or more.
         *
         * @param method the HTTP method, such as {@code GET}
         * @param url the request URL, its query included
         * @param attempt 1 for the first attempt of a call, 2 for its first retry, and so on
         */
        public AttemptStarted {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            if (attempt < 1) {
                throw new IllegalArgumentException("attempt must be 1 or more, was " + attempt);
            }
        }
    }

    /**
     * An attempt that ended.
     *
     * @param method the HTTP method
     * @param url the request URL, as in {@link AttemptStarted}
     * @param attempt the attempt's number, 1 for the first
     * @param status the HTTP status, when a response arrived (an error status included); empty when
     *     the exchange failed before any status
     * @param failure why the attempt brought no usable response (a connection error, a timeout, a body
     *     cut off or not decodable, a cancel), as {@code "exception class: message"} with credentials
     *     redacted; empty when the response was read, whatever its status
     * @param duration from just before sending to the end of the body (decoded when successful) or
     *     the failure
     * @param requestId the response's {@code x-request-id} (else Azure's {@code apim-request-id}),
     *     when it sent one
     * @param bodyBytes how many bytes of the response body were read, as received (before any
     *     {@code Content-Encoding} is undone); 0 without a response
     */
    record AttemptEnded(String method, String url, int attempt, OptionalInt status, Optional<String> failure,
            Duration duration, Optional<String> requestId, long bodyBytes) {
        /**
         * Checks that every component is present.
         *
         * @param method the HTTP method
         * @param url the request URL
         * @param attempt the attempt's number, 1 for the first
         * @param status the HTTP status
         * @param failure why the attempt brought no usable response
         * @param duration from just before sending to the end of the body
         * @param requestId the response's {@code x-request-id}
         * @param bodyBytes how many bytes of the response body were read
         */
        public AttemptEnded {
            Objects.requireNonNull(method, "method");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(failure, "failure");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(requestId, "requestId");
        }

        /**
         * Whether the attempt got a 2xx response and read it whole.
         *
         * @return true for a success
         */
        public boolean succeeded() {
            return failure.isEmpty() && status.isPresent() && status.getAsInt() >= 200 && status.getAsInt() < 300;
        }
    }

    /**
     * A retry about to be waited for.
     *
     * @param attempt the number of the attempt that failed; the retry is attempt {@code attempt + 1}
     * @param reason why the failed attempt is retried
     * @param status the failed attempt's HTTP status; empty after a connection failure
     * @param delay how long the client waits before the retry
     * @param delaySource who chose the delay
     */
    record RetryScheduled(int attempt, RetryReason reason, OptionalInt status, Duration delay, DelaySource delaySource) {
        /**
         * Checks that every component is present.
         *
         * @param attempt the number of the attempt that failed
         * @param reason why the failed attempt is retried
         * @param status the failed attempt's HTTP status
         * @param delay how long the client waits before the retry
         * @param delaySource who chose the delay
         */
        public RetryScheduled {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(delay, "delay");
            Objects.requireNonNull(delaySource, "delaySource");
        }
    }

    /** Why a failed attempt is retried. */
    enum RetryReason {
        /** 429 Too Many Requests. */
        RATE_LIMITED,
        /** A 5xx status. */
        SERVER_ERROR,
        /** 408 Request Timeout. */
        REQUEST_TIMEOUT,
        /** 409 Conflict. */
        CONFLICT,
        /** Another status the server marked retryable with {@code x-should-retry: true}. */
        SERVER_REQUESTED,
        /** The exchange failed: connect, TLS, a reset, a read timeout or a body cut off. */
        CONNECTION_FAILED,
        /** 401 to a bearer token that may have been revoked: once more with a fresh token, at once. */
        CREDENTIAL_REJECTED
    }

    /** Who chose how long to wait before a retry. */
    enum DelaySource {
        /** The server, with {@code retry-after-ms} or {@code Retry-After}; the client waits exactly that. */
        SERVER,
        /** The client's exponential back-off with jitter. */
        BACKOFF,
        /** Nobody: the retry is sent at once (a fresh credential). */
        IMMEDIATE
    }

    /**
     * A page received and decoded.
     *
     * @param threadId the thread whose runs the page holds
     * @param runs how many runs the page holds
     * @param hasMore the page's {@code has_more}
     * @param decodeTime how long reading and decoding the body took
     * @param requestId the response's request id, when it sent one
     */
    record PageDelivered(String threadId, int runs, boolean hasMore, Duration decodeTime, Optional<String> requestId) {
        /**
         * Checks that every component is present.
         *
         * @param threadId the thread whose runs the page holds
         * @param runs how many runs the page holds
         * @param hasMore the page's {@code has_more}
         * @param decodeTime how long reading and decoding the body took
         * @param requestId the response's request id
         */
        public PageDelivered {
            Objects.requireNonNull(threadId, "threadId");
            Objects.requireNonNull(decodeTime, "decodeTime");
            Objects.requireNonNull(requestId, "requestId");
        }
    }

    /**
     * A listing that ended.
     *
     * @param threadId the thread listed
     * @param runs how many runs the listing delivered to its consumer
     * @param pages how many pages it received
     * @param ending how it ended
     * @param failure the exception that ended it, as {@code "exception class: message"} with
     *     credentials redacted; empty when it completed or was cancelled
     */
    record ListingEnded(String threadId, long runs, int pages, Ending ending, Optional<String> failure) {
        /**
         * Checks that every component is present.
         *
         * @param threadId the thread listed
         * @param runs how many runs the listing delivered to its consumer
         * @param pages how many pages it received
         * @param ending how it ended
         * @param failure the exception that ended it
         */
        public ListingEnded {
            Objects.requireNonNull(threadId, "threadId");
            Objects.requireNonNull(ending, "ending");
            Objects.requireNonNull(failure, "failure");
        }
    }

    /** How a listing ended. */
    enum Ending {
        /** It delivered every run: the last page said {@code has_more: false}. */
        COMPLETED,
        /** A page could not be fetched or failed a check (see {@code failure}). */
        FAILED,
        /** The subscription was cancelled or the stream closed before the end. */
        CANCELLED,
        /** A call ran out of its overall timeout. */
        TIMED_OUT,
        /** The client was closed while the listing ran. */
        CLOSED,
        /** The thread running it was interrupted. */
        INTERRUPTED
    }
}
