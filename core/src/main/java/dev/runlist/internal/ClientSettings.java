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
 * Everything a client was built with, checked and immutable. The credential is kept by the
 * {@link Authenticator} and nowhere else; {@link #toString()} never shows it, nor URL user-info or
 * any credential header.
 *
 * @param baseUri the API base, such as {@code https://api.openai.com/v1}, without a trailing slash
 * @param authenticator the credential each attempt carries
 * @param azure whether this is Azure OpenAI
 * @param apiVersion the {@code api-version} query parameter sent with every request, or null for none
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
 * @param events the listeners calls report to
 */
public record ClientSettings(
        URI baseUri,
        Authenticator authenticator,
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
        Clock clock,
        ListenerEvents events) {

    @Override
    public String toString() {
        return "ClientSettings[baseUri=" + withoutUserInfo(baseUri) + ", auth=" + authenticator.describe() + ", azure=" + azure
                + (apiVersion == null ? "" : ", apiVersion=" + apiVersion)
                + (organization == null ? "" : ", organization=" + organization)
                + (project == null ? "" : ", project=" + project)
                + ", headers=" + headers + ", maxRetries=" + retryPolicy.maxRetries()
                + ", timeout=" + timeout + ", transport=" + transport.getClass().getName() + "]";
    }

    /** {@code uri} without any {@code user:password@} part, which may be a credential. */
    private static String withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri.toString();
        }
        return uri.toString().replace(uri.getRawUserInfo() + "@", "<redacted>@");
    }
}
