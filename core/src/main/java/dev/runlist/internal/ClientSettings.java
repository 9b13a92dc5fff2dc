package dev.runlist.internal;

import dev.runlist.json.RunsJson;
import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;
import org.jspecify.annotations.Nullable;

/**
 * Everything a client was built with, checked and immutable. The API key is kept here and nowhere
 * else; {@link #toString()} redacts it.
 *
 * @param baseUri the API base, such as {@code https://api.openai.com/v1}, without a trailing slash
 * @param apiKey the secret key
 * @param azure whether to authenticate the Azure way ({@code api-key} header, {@code api-version} query)
 * @param apiVersion the Azure {@code api-version}, or null when not Azure
 * @param organization the {@code OpenAI-Organization} header value, or null
 * @param project the {@code OpenAI-Project} header value, or null
 * @param headers extra headers sent with every request
 * @param retryPolicy when and how long to retry
 * @param timeout the overall timeout of one call, all attempts included
 * @param transport the transport requests go through
 * @param ownsTransport whether closing the client closes the transport
 * @param json the codec
 * @param asyncExecutor where asynchronous calls decode bodies and wait out back-offs
 * @param clock the clock for deadlines and HTTP dates
 */
public record ClientSettings(
        URI baseUri,
        String apiKey,
        boolean azure,
        @Nullable String apiVersion,
        @Nullable String organization,
        @Nullable String project,
        Headers headers,
        RetryPolicy retryPolicy,
        Duration timeout,
        Transport transport,
        boolean ownsTransport,
        RunsJson json,
        Executor asyncExecutor,
        Clock clock) {

    @Override
    public String toString() {
        return "ClientSettings[baseUri=" + baseUri + ", apiKey=<redacted>, azure=" + azure
                + (apiVersion == null ? "" : ", apiVersion=" + apiVersion)
                + (organization == null ? "" : ", organization=" + organization)
                + (project == null ? "" : ", project=" + project)
                + ", headers=" + headers + ", maxRetries=" + retryPolicy.maxRetries()
                + ", timeout=" + timeout + ", transport=" + transport.getClass().getName() + "]";
    }
}
