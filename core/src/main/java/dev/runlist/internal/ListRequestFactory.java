package dev.runlist.internal;

import dev.runlist.ListRunsParams;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * Turns a thread id and {@link ListRunsParams} into the wire request: the URL with its encoded path
 * and query, and the authentication, beta, organization, project and caller headers (a caller's
 * header replaces runlist's of the same name, the credential's included).
 * Thread-safe.
 */
public final class ListRequestFactory {

    private final ClientSettings settings;
    private final Headers fixedHeaders;

    /** A factory for requests made with {@code settings}. */
    public ListRequestFactory(ClientSettings settings) {
        this.settings = settings;
        Headers.Builder h = Headers.builder();
        h.set("OpenAI-Beta", "assistants=v2");
        if (settings.organization() != null) {
            h.set("OpenAI-Organization", settings.organization());
        }
        if (settings.project() != null) {
            h.set("OpenAI-Project", settings.project());
        }
        h.set("Accept", "application/json");
        h.set("Accept-Encoding", "gzip");
        h.set("User-Agent", UserAgent.VALUE);
        settings.headers().toMap().forEach((name, values) -> {
            h.remove(name);
            values.forEach(v -> h.add(name, v));
        });
        this.fixedHeaders = h.build();
    }

    /** The URI that lists the runs of {@code threadId} with {@code params}. */
    public URI uri(String threadId, ListRunsParams params) {
        requireThreadId(threadId);
        StringBuilder url = new StringBuilder(settings.baseUri().toString())
                .append("/threads/").append(PercentEncoding.pathSegment(threadId)).append("/runs");
        char sep = '?';
        if (params.limit().isPresent()) {
            url.append(sep).append("limit=").append(params.limit().getAsInt());
            sep = '&';
        }
        if (params.order().isPresent()) {
            url.append(sep).append("order=").append(params.order().get().wireValue());
            sep = '&';
        }
        if (params.after().isPresent()) {
            url.append(sep).append("after=").append(PercentEncoding.queryValue(params.after().get()));
            sep = '&';
        }
        if (params.before().isPresent()) {
            url.append(sep).append("before=").append(PercentEncoding.queryValue(params.before().get()));
            sep = '&';
        }
        String apiVersion = settings.apiVersion();
        if (apiVersion != null) {
            url.append(sep).append("api-version=").append(PercentEncoding.queryValue(apiVersion));
        }
        return URI.create(url.toString());
    }

    /**
     * The GET request, bounded by {@code timeout} (null for the transport's read timeout alone),
     * carrying the credential of this attempt unless the caller set that header themselves.
     *
     * @throws dev.runlist.errors.CredentialException when no credential can be obtained
     */
    public TransportRequest request(String threadId, ListRunsParams params, Duration timeout) {
        URI uri = uri(threadId, params);
        Headers.Builder h = fixedHeaders.toBuilder();
        Authenticator auth = settings.authenticator();
        if (!fixedHeaders.contains(auth.headerName()) && !params.headers().contains(auth.headerName())) {
            auth.authenticate(h);
        }
        params.headers().toMap().forEach((name, values) -> {
            h.remove(name);
            values.forEach(v -> h.add(name, v));
        });
        return new TransportRequest("GET", uri, h.build(), timeout);
    }

    /**
     * Checks a thread id before any request.
     *
     * @throws IllegalArgumentException when it is null or blank
     */
    public static void requireThreadId(String threadId) {
        Objects.requireNonNull(threadId, "threadId must not be null");
        if (threadId.isBlank()) {
            throw new IllegalArgumentException("threadId must not be blank");
        }
    }
}
