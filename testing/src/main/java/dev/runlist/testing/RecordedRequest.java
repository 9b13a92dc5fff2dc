package dev.runlist.testing;

import dev.runlist.spi.Headers;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as {@link FakeRunsApi} received it, over HTTP or in memory. Immutable and thread-safe.
 *
 * @param sequence the 0-based number of this request since the fake started or its journal was cleared
 * @param method the HTTP method, such as {@code GET}
 * @param path the path exactly as sent, still percent-encoded, such as {@code /v1/threads/thread%2F1/runs}
 * @param rawQuery the query as sent (without {@code ?}), or null when there was none
 * @param queryParams the decoded query parameters, name to values in order of appearance; never null
 * @param headers the request headers; never null
 * @param threadId the decoded thread id of a {@code /threads/{thread_id}/runs} path, or null for any other path
 * @param receivedAt when the request arrived, by the fake's clock
 */
public record RecordedRequest(
        int sequence,
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> queryParams,
        Headers headers,
        String threadId,
        Instant receivedAt) {

    /**
     * Copies {@code queryParams}; checks that method, path, headers and receivedAt are present.
     *
     * @param sequence the request's number, from 0, in the order received
     * @param method the HTTP method
     * @param path the decoded path
     * @param rawQuery the query as sent, or {@code null}
     * @param queryParams every query parameter's values, decoded
     * @param headers the headers as sent
     * @param threadId the thread the path names, or {@code null}
     * @param receivedAt when the fake received it, by its clock
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(receivedAt, "receivedAt");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Objects.requireNonNull(queryParams, "queryParams").forEach((k, v) -> copy.put(k, List.copyOf(v)));
        queryParams = Collections.unmodifiableMap(copy);
    }

    /**
     * The first value of query parameter {@code name}, if it was sent.
     *
     * @param name the parameter name
     * @return its first value, if sent
     */
    public Optional<String> queryParam(String name) {
        List<String> values = queryParams.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * The first value of header {@code name} (case-insensitive), if it was sent.
     *
     * @param name the header name, in any case
     * @return its first value, if sent
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** {@return {@code METHOD path?query}, as on the request line} */
    public String requestLine() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery);
    }

    /** The request line, the thread and the header names; credential values are redacted. */
    @Override
    public String toString() {
        return "RecordedRequest#" + sequence + "[" + requestLine() + ", threadId=" + threadId + ", headers=" + headers
                + ", receivedAt=" + receivedAt + "]";
    }

    static List<RecordedRequest> copyOf(List<RecordedRequest> list) {
        return Collections.unmodifiableList(new ArrayList<>(list));
    }
}
