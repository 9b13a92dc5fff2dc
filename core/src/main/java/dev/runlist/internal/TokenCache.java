package dev.runlist.internal;

import dev.runlist.auth.BearerToken;
import dev.runlist.auth.TokenSupplier;
import dev.runlist.errors.CredentialException;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * Bearer tokens from a {@link TokenSupplier}, fetched on first use and again when the one held
 * expires within {@link #REFRESH_MARGIN} or the server rejects it. One thread fetches while the
 * others wait for its token, so concurrent calls trigger one fetch. Thread-safe.
 */
final class TokenCache implements Authenticator {

    /** A token expiring sooner than this is replaced before it is sent. */
    static final Duration REFRESH_MARGIN = Duration.ofMinutes(2);

    private static final String HEADER = "Authorization";
    private static final String PREFIX = "Bearer ";

    private final TokenSupplier supplier;
    private final Clock clock;
    private final ReentrantLock fetching = new ReentrantLock();
    private volatile @Nullable BearerToken current;
    /** The token replaced last, still redacted: a late answer to it may quote it. */
    private volatile @Nullable String previous;

    TokenCache(TokenSupplier supplier, Clock clock) {
        this.supplier = supplier;
        this.clock = clock;
    }

    @Override
    public String headerName() {
        return HEADER;
    }

    @Override
    public void authenticate(Headers.Builder headers) {
        headers.set(HEADER, PREFIX + token());
    }

    private String token() {
        BearerToken held = current;
        if (held != null && usable(held)) {
            return held.token();
        }
        try {
            fetching.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("interrupted while waiting for a bearer token", e);
        }
        try {
            held = current;
            if (held != null && usable(held)) {
                return held.token();
            }
            BearerToken fresh = fetch();
            replace(held, fresh);
            return fresh.token();
        } finally {
            fetching.unlock();
        }
    }

    private boolean usable(BearerToken token) {
        return clock.instant().isBefore(token.expiresAt().minus(REFRESH_MARGIN));
    }

    private BearerToken fetch() {
        @Nullable BearerToken fresh;
        try {
            fresh = supplier.token();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CredentialException("interrupted while the bearer-token supplier ran", e);
        } catch (Exception e) {
            throw new CredentialException("the bearer-token supplier failed: " + redact(String.valueOf(e)), e);
        }
        if (fresh == null) {
            throw new CredentialException("the bearer-token supplier returned null");
        }
        return fresh;
    }

    private void replace(@Nullable BearerToken old, BearerToken fresh) {
        if (old != null && !old.token().equals(fresh.token())) {
            previous = old.token();
        }
        current = fresh;
    }

    /**
     * Forgets the rejected token unless a newer one already replaced it. Worth a retry when the
     * request carried a token of ours (not a caller's own {@code Authorization} header).
     */
    @Override
    public boolean rejected(TransportRequest request) {
        String sent = request.headers().firstValue(HEADER).orElse("");
        String token = sent.startsWith(PREFIX) ? sent.substring(PREFIX.length()) : sent;
        fetching.lock();
        try {
            BearerToken held = current;
            if (held != null && held.token().equals(token)) {
                previous = held.token();
                current = null;
                return true;
            }
            return token.equals(previous);
        } finally {
            fetching.unlock();
        }
    }

    @Override
    public String redact(String text) {
        BearerToken held = current;
        return Authenticator.redact(text, held == null ? null : held.token(), previous);
    }

    @Override
    public String describe() {
        return "bearer tokens <redacted>";
    }

    @Override
    public String toString() {
        return "TokenCache[" + describe() + "]";
    }
}
