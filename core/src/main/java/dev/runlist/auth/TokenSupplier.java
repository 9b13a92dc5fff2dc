package dev.runlist.auth;

/**
 * Obtains a fresh access token, for example from Azure Identity's {@code DefaultAzureCredential}
 * or an OAuth2 token endpoint. The client calls it before an attempt when it holds no token or the
 * one it holds expires within two minutes, and once more after the server answers 401 to a token;
 * never from two threads at once for the same client.
 *
 * <p>It runs on the thread making the call (a pool thread for asynchronous calls) and should bound
 * its own waiting: the client's timeout cannot interrupt it.
 */
@FunctionalInterface
public interface TokenSupplier {

    /**
     * A fresh token.
     *
     * @return the token and its expiry, not null
     * @throws Exception when no token can be obtained; the call then fails with a
     *     {@link dev.runlist.errors.CredentialException} whose cause is this exception
     */
    BearerToken token() throws Exception;
}
