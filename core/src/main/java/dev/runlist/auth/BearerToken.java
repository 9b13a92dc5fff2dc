package dev.runlist.auth;

import java.time.Instant;
import java.util.Objects;

/**
 * An access token sent as {@code Authorization: Bearer <token>}, and the instant it expires.
 * Immutable and thread-safe; {@link #toString()} never shows the token.
 */
public final class BearerToken {

    private final String token;
    private final Instant expiresAt;

    private BearerToken(String token, Instant expiresAt) {
        this.token = token;
        this.expiresAt = expiresAt;
    }

    /**
     * A token valid until {@code expiresAt}; use {@link Instant#MAX} for one that never expires.
     *
     * @param token the secret token, such as an Entra ID access token
     * @param expiresAt when the token stops being valid
     * @return the token
     * @throws NullPointerException when either argument is null
     * @throws IllegalArgumentException when {@code token} is blank or holds CR, LF or NUL (the message
     *     never shows the token)
     */
    public static BearerToken of(String token, Instant expiresAt) {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (token.isBlank()) {
            throw new IllegalArgumentException("the bearer token is blank");
        }
        if (token.chars().anyMatch(c -> c == '\r' || c == '\n' || c == 0)) {
            throw new IllegalArgumentException("the bearer token contains a CR, LF or NUL character; refused");
        }
        return new BearerToken(token, expiresAt);
    }

    /**
     * The secret token.
     *
     * @return the token, never null
     */
    public String token() {
        return token;
    }

    /**
     * When the token stops being valid.
     *
     * @return the expiry instant, never null
     */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** Names the expiry only; the token is redacted. */
    @Override
    public String toString() {
        return "BearerToken[<redacted>, expires " + expiresAt + "]";
    }
}
