package dev.runlist.internal;

import dev.runlist.errors.DecodeException;
import dev.runlist.errors.RunlistException;
import dev.runlist.spi.Headers;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The one place that keeps a secret (the API key) out of text built from what a server sent: error
 * bodies, decode errors, cursors quoted in paging errors. Redact first, then shorten: {@link #quote}
 * does both in that order, so a cut can never leave part of the key behind.
 *
 * <p>Besides every whole occurrence, any run of {@value #FRAGMENT} or more characters that is also a
 * piece of the key is masked, since text that reaches us may already have been cut by someone else
 * (a parser quoting a token, a proxy shortening a page). Stateless and thread-safe.
 */
public final class Redaction {

    /** What a redacted secret or piece of it reads as. */
    public static final String MASK = "<redacted>";

    /**
     * The shortest piece of the key masked on its own: long enough that a chance match is not
     * plausible, short enough that a shown piece cannot be used (OpenAI itself prints the first 8 and
     * last 4 characters of a key).
     */
    static final int FRAGMENT = 10;

    private Redaction() {}

    /**
     * {@code text} with every occurrence of {@code secret}, and every piece of it at least
     * {@value #FRAGMENT} characters long, replaced by {@value #MASK}.
     *
     * @param text the text to clean
     * @param secret the secret; null or empty leaves {@code text} as it is
     * @return the redacted text
     */
    public static String redact(String text, @Nullable String secret) {
        if (secret == null || secret.isEmpty()) {
            return text;
        }
        String out = text.replace(secret, MASK);
        if (secret.length() < FRAGMENT) {
            return out;
        }
        return maskFragments(out, secret);
    }

    /**
     * {@code text} redacted, then cut to at most {@code maxChars} characters (an ellipsis marks a cut).
     *
     * @param text the text to quote; null gives {@code "null"}
     * @param redactor removes every secret from a text (such as {@code Authenticator::redact})
     * @param maxChars the longest result before the ellipsis
     * @return the redacted, shortened text
     */
    public static String quote(@Nullable String text, UnaryOperator<String> redactor, int maxChars) {
        if (text == null) {
            return "null";
        }
        String clean = redactor.apply(text);
        return clean.length() <= maxChars ? clean : clean.substring(0, maxChars) + "…";
    }

    /**
     * {@code uri} as listeners may show it: scheme, host, port, path and query, without user-info, the
     * value of each query parameter whose name is a credential's (as {@link Headers#isSensitive} says,
     * such as {@code api-key} or {@code access_token}) masked, then redacted as a whole.
     *
     * @param uri the request URI
     * @param redactor removes every secret from a text (such as {@code Authenticator::redact})
     * @return the URL, safe to show
     */
    public static String url(URI uri, UnaryOperator<String> redactor) {
        StringBuilder sb = new StringBuilder().append(uri.getScheme()).append("://").append(uri.getHost());
        if (uri.getPort() >= 0) {
            sb.append(':').append(uri.getPort());
        }
        sb.append(uri.getRawPath() == null ? "" : uri.getRawPath());
        String query = uri.getRawQuery();
        if (query != null) {
            char separator = '?';
            for (String parameter : query.split("&", -1)) {
                int eq = parameter.indexOf('=');
                String name = eq < 0 ? parameter : parameter.substring(0, eq);
                boolean secret = eq >= 0 && Headers.isSensitive(URLDecoder.decode(name, StandardCharsets.UTF_8));
                sb.append(separator).append(secret ? name + "=" + MASK : parameter);
                separator = '&';
            }
        }
        return redactor.apply(sb.toString());
    }

    /**
     * {@code e} with every secret redacted from its problem, path and causes; {@code e} itself when
     * none of them holds any.
     *
     * @param e a decode failure, whose message quotes the body
     * @param secret removes every secret from a text (such as {@code Authenticator::redact})
     * @return a decode failure safe to show
     */
    public static DecodeException redacted(DecodeException e, UnaryOperator<String> secret) {
        if (isClean(e, secret)) {
            return e;
        }
        String suffix = " at " + e.jsonPath() + " (byte offset " + e.byteOffset() + ")";
        String message = String.valueOf(e.getMessage());
        String problem = message.endsWith(suffix) ? message.substring(0, message.length() - suffix.length()) : message;
        DecodeException clean = new DecodeException(secret.apply(problem), secret.apply(e.jsonPath()), e.byteOffset(),
                redactedChain(e.getCause(), secret));
        clean.setStackTrace(e.getStackTrace());
        return clean;
    }

    private static boolean isClean(Throwable t, UnaryOperator<String> secret) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String m = c.getMessage();
            if (m != null && !m.equals(secret.apply(m))) {
                return false;
            }
        }
        return true;
    }

    /** A stand-in for {@code t} and its causes whose messages are redacted (the classes are named in them). */
    private static @Nullable Throwable redactedChain(@Nullable Throwable t, UnaryOperator<String> secret) {
        if (t == null || isClean(t, secret)) {
            return t;
        }
        Throwable cause = t.getCause();
        RunlistException copy = new RunlistException(t.getClass().getName() + ": "
                + secret.apply(String.valueOf(t.getMessage())), cause == t ? null : redactedChain(cause, secret));
        copy.setStackTrace(t.getStackTrace());
        return copy;
    }

    /** Masks, left to right, the longest piece of {@code secret} (at least FRAGMENT chars) starting at each position. */
    private static String maskFragments(String text, String secret) {
        StringBuilder out = null;
        int copied = 0;
        int i = 0;
        while (i <= text.length() - FRAGMENT) {
            int length = longestPieceAt(text, i, secret);
            if (length >= FRAGMENT) {
                if (out == null) {
                    out = new StringBuilder(text.length());
                }
                out.append(text, copied, i).append(MASK);
                i += length;
                copied = i;
            } else {
                i++;
            }
        }
        if (out == null) {
            return text;
        }
        return out.append(text, copied, text.length()).toString();
    }

    /** The length of the longest prefix of {@code text.substring(from)} that occurs in {@code secret}. */
    private static int longestPieceAt(String text, int from, String secret) {
        int best = 0;
        int start = secret.indexOf(text.charAt(from));
        while (start >= 0) {
            int n = 0;
            while (from + n < text.length() && start + n < secret.length()
                    && text.charAt(from + n) == secret.charAt(start + n)) {
                n++;
            }
            best = Math.max(best, n);
            start = secret.indexOf(text.charAt(from), start + 1);
        }
        return best;
    }
}
