package dev.runlist;

import dev.runlist.spi.Headers;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.jspecify.annotations.Nullable;

/**
 * The query of one "list runs" request, plus request options (extra headers, timeout) that carry to
 * every page of an auto-paging listing. Immutable and thread-safe; build one with {@link #builder()}.
 *
 * <p>Parameters left unset are not sent, so the API's defaults apply: 20 runs a page, newest first.
 */
public final class ListRunsParams {

    /** The smallest {@code limit} the API accepts. */
    public static final int MIN_LIMIT = 1;
    /** The largest {@code limit} the API accepts. */
    public static final int MAX_LIMIT = 100;
    /** The page size the API uses when {@code limit} is not sent. */
    public static final int DEFAULT_LIMIT = 20;

    private static final ListRunsParams NONE = builder().build();

    private final @Nullable Integer limit;
    private final @Nullable Order order;
    private final @Nullable String after;
    private final @Nullable String before;
    private final Headers headers;
    private final @Nullable Duration timeout;

    private ListRunsParams(Builder b) {
        this.limit = b.limit;
        this.order = b.order;
        this.after = b.after;
        this.before = b.before;
        this.headers = b.headers.build();
        this.timeout = b.timeout;
    }

    /** {@return parameters with nothing set: the API's defaults} */
    public static ListRunsParams none() {
        return NONE;
    }

    /** {@return a builder with nothing set} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder holding these parameters} */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.limit = limit;
        b.order = order;
        b.after = after;
        b.before = before;
        b.headers = headers.toBuilder();
        b.timeout = timeout;
        return b;
    }

    /** {@return the page size to ask for; empty means the API's default of 20} */
    public OptionalInt limit() {
        return limit == null ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    /** {@return the order to ask for; empty means the API's default, {@link Order#DESC}} */
    public Optional<Order> order() {
        return Optional.ofNullable(order);
    }

    /** {@return the order the API will use: the one set, else {@link Order#DESC}} */
    public Order effectiveOrder() {
        return order == null ? Order.DESC : order;
    }

    /** {@return the run id after which the page starts, if set} */
    public Optional<String> after() {
        return Optional.ofNullable(after);
    }

    /** {@return the run id before which the page ends, if set} */
    public Optional<String> before() {
        return Optional.ofNullable(before);
    }

    /** {@return extra headers sent with the request (and every page of a listing); empty by default} */
    public Headers headers() {
        return headers;
    }

    /** {@return the overall timeout for this request, all attempts included; empty means the client's} */
    public Optional<Duration> timeout() {
        return Optional.ofNullable(timeout);
    }

    /** {@return whether this asks for a page walking toward the front of the list: {@code before} set and {@code after} not} */
    public boolean isBackward() {
        return before != null && after == null;
    }

    /**
     * {@return these parameters moved forward: {@code after=runId}, no {@code before}}
     *
     * @param runId a run's identifier, such as {@code run_abc123}
     */
    public ListRunsParams withAfter(String runId) {
        return toBuilder().after(runId).before(null).build();
    }

    /**
     * {@return these parameters moved backward: {@code before=runId}, no {@code after}}
     *
     * @param runId a run's identifier, such as {@code run_abc123}
     */
    public ListRunsParams withBefore(String runId) {
        return toBuilder().before(runId).after(null).build();
    }

    /**
     * The parameters that continue a listing started with these parameters right after the run
     * {@code runId}, in its direction of travel: {@link #withBefore} for a backward listing, else
     * {@link #withAfter}.
     *
     * @param runId a run's identifier, such as {@code run_abc123}
     * @return the parameters that continue the listing after {@code runId}
     */
    public ListRunsParams continuingAfter(String runId) {
        return isBackward() ? withBefore(runId) : withAfter(runId);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ListRunsParams p
                && Objects.equals(limit, p.limit)
                && order == p.order
                && Objects.equals(after, p.after)
                && Objects.equals(before, p.before)
                && headers.equals(p.headers)
                && Objects.equals(timeout, p.timeout);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, order, after, before, headers, timeout);
    }

    /** The parameters that are set; credential headers redacted. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("ListRunsParams{");
        String sep = "";
        if (limit != null) { sb.append(sep).append("limit=").append(limit); sep = ", "; }
        if (order != null) { sb.append(sep).append("order=").append(order.wireValue()); sep = ", "; }
        if (after != null) { sb.append(sep).append("after=").append(after); sep = ", "; }
        if (before != null) { sb.append(sep).append("before=").append(before); sep = ", "; }
        if (!headers.isEmpty()) { sb.append(sep).append("headers=").append(headers); sep = ", "; }
        if (timeout != null) { sb.append(sep).append("timeout=").append(timeout); }
        return sb.append('}').toString();
    }

    /** Builds {@link ListRunsParams}; not thread-safe. Every check happens before any request is sent. */
    public static final class Builder {
        private @Nullable Integer limit;
        private @Nullable Order order;
        private @Nullable String after;
        private @Nullable String before;
        private Headers.Builder headers = Headers.builder();
        private @Nullable Duration timeout;

        private Builder() {}

        /**
         * Sets the page size.
         *
         * @param limit the page size, 1 to 100
         * @return this builder
         * @throws IllegalArgumentException naming {@code limit} and the range 1..100 when out of range
         */
        public Builder limit(int limit) {
            if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
                throw new IllegalArgumentException(
                        "limit must be between " + MIN_LIMIT + " and " + MAX_LIMIT + ", was " + limit);
            }
            this.limit = limit;
            return this;
        }

        /**
         * Clears the page size, so the API's default of 20 applies.
         *
         * @return this builder
         */
        public Builder clearLimit() {
            this.limit = null;
            return this;
        }

        /**
         * Sets the order; {@code null} leaves it to the API (newest first).
         *
         * @param order the order, or {@code null}
         * @return this builder
         */
        public Builder order(@Nullable Order order) {
            this.order = order;
            return this;
        }

        /**
         * Sets the cursor to start after; {@code null} clears it. Must not be blank.
         *
         * @param runId a run's identifier, such as {@code run_abc123}
         * @return this builder
         */
        public Builder after(@Nullable String runId) {
            this.after = cursor(runId, "after");
            return this;
        }

        /**
         * Sets the cursor to end before; {@code null} clears it. Must not be blank.
         *
         * @param runId a run's identifier, such as {@code run_abc123}
         * @return this builder
         */
        public Builder before(@Nullable String runId) {
            this.before = cursor(runId, "before");
            return this;
        }

        /**
         * Adds a header sent with the request and every later page.
         *
         * @param name the header name
         * @param value its value
         * @return this builder
         * @throws IllegalArgumentException when the name is invalid or the value holds CR, LF or NUL
         */
        public Builder header(String name, String value) {
            headers.add(name, value);
            return this;
        }

        /**
         * Sets the overall timeout of each request made with these parameters; {@code null} uses the client's.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder timeout(@Nullable Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive, was " + timeout);
            }
            this.timeout = timeout;
            return this;
        }

        /** {@return returns the parameters} */
        public ListRunsParams build() {
            return new ListRunsParams(this);
        }

        private static @Nullable String cursor(@Nullable String value, String name) {
            if (value != null && value.isBlank()) {
                throw new IllegalArgumentException(name + " must not be blank");
            }
            return value;
        }
    }
}
