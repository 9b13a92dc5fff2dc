package dev.runlist.internal;

import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;

/** A static key in one header; a 401 is final, since the same key would be sent again. Immutable. */
final class ApiKeyAuthenticator implements Authenticator {

    private final String key;
    private final String header;
    private final String prefix;

    ApiKeyAuthenticator(String key, String header, String prefix) {
        this.key = key;
        this.header = header;
        this.prefix = prefix;
    }

    @Override
    public String headerName() {
        return header;
    }

    @Override
    public void authenticate(Headers.Builder headers) {
        headers.set(header, prefix + key);
    }

    @Override
    public boolean rejected(TransportRequest request) {
        return false;
    }

    @Override
    public String redact(String text) {
        return Authenticator.redact(text, key);
    }

    @Override
    public String describe() {
        return "api key <redacted> in " + header;
    }

    @Override
    public String toString() {
        return "ApiKeyAuthenticator[" + describe() + "]";
    }
}
