package dev.runlist.internal;

import dev.runlist.auth.TokenSupplier;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import java.time.Clock;
import org.jspecify.annotations.Nullable;

/**
 * How a client proves who it is: the header each attempt carries, whether a 401 is worth one more
 * attempt with a fresh credential, and how to hide every secret it holds from a text. Thread-safe.
 */
public interface Authenticator {

    /**
     * A static API key: {@code Authorization: Bearer KEY}, or Azure's {@code api-key: KEY}.
     *
     * @param key the secret key
     * @param azureHeader whether to send it in Azure's {@code api-key} header
     * @return the authenticator
     */
    static Authenticator apiKey(String key, boolean azureHeader) {
        return new ApiKeyAuthenticator(key, azureHeader ? "api-key" : "Authorization", azureHeader ? "" : "Bearer ");
    }

    /**
     * Tokens from {@code supplier}, sent as {@code Authorization: Bearer TOKEN} and cached until
     * shortly before they expire by {@code clock}.
     *
     * @param supplier where tokens come from
     * @param clock the clock expiries are compared with
     * @return the authenticator
     */
    static Authenticator bearerTokens(TokenSupplier supplier, Clock clock) {
        return new TokenCache(supplier, clock);
    }

    /** The name of the header this authenticator sets. */
    String headerName();

    /**
     * Sets this attempt's credential on {@code headers}; may fetch a token first.
     *
     * @throws dev.runlist.errors.CredentialException when no credential can be obtained
     */
    void authenticate(Headers.Builder headers);

    /**
     * Told that the server answered 401 to {@code request}: forgets the credential it carried and
     * says whether one more attempt with a fresh credential could succeed.
     */
    boolean rejected(TransportRequest request);

    /** {@code text} with every secret this authenticator holds replaced by {@code <redacted>}. */
    String redact(String text);

    /** What kind of credential this is, without the secret, for {@code toString()}. */
    String describe();

    /** {@code text} with each secret redacted as {@link Redaction#redact} does; null secrets are skipped. */
    static String redact(String text, @Nullable String... secrets) {
        String out = text;
        for (String secret : secrets) {
            out = Redaction.redact(out, secret);
        }
        return out;
    }
}
