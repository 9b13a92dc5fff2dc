package dev.runlist.testing;

import dev.runlist.spi.Headers;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * How the fake answers as Azure OpenAI: which paths and {@code api-version}s it serves, which
 * credentials its gateway lets through, the gateway's own refusals (word for word where recorded)
 * and Azure's response headers. Thread-safe.
 *
 * <p>Order of checks, as Azure's gateway does them: credential (401), path (404), version (400 on the
 * v1 path, 404 on the legacy one); then the ordinary checks of {@link FakeHandler}.
 */
final class AzureDialect {

    /** The region the fake reports in {@code x-ms-region}. */
    static final String REGION = "East US";

    static final String V1_PREFIX = "/openai/v1/threads/";
    static final String LEGACY_PREFIX = "/openai/threads/";

    private static final Pattern DATED = Pattern.compile("\\d{4}-\\d{2}-\\d{2}(-preview)?");

    static final String ACCESS_DENIED = "{\"error\":{\"code\":\"401\",\"message\":\"Access denied due to invalid"
            + " subscription key or wrong API endpoint. Make sure to provide a valid key for an active subscription"
            + " and use a correct regional API endpoint for your resource.\"}}";
    static final String BAD_TOKEN = "{\"statusCode\":401,\"message\":\"Unauthorized. Access token is missing,"
            + " invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired.\"}";
    static final String NOT_FOUND = "{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}";
    static final String VERSION_NOT_SUPPORTED = "{\"error\":{\"code\":\"BadRequest\",\"message\":\"API version not"
            + " supported\"}}";

    private final String apiKey;
    private final Set<String> tokens;

    /**
     * @param apiKey the key accepted in {@code api-key} or as a bearer value; null accepts any non-empty one
     * @param tokens the Entra ID-style tokens granted, read live
     */
    AzureDialect(String apiKey, Set<String> tokens) {
        this.apiKey = apiKey;
        this.tokens = tokens;
    }

    /** The gateway's refusal of {@code r}, or null when it passes to the ordinary checks. */
    Answer refuse(RecordedRequest r) {
        String key = r.header("api-key").map(String::trim).orElse("");
        String auth = r.header("Authorization").map(String::trim).orElse("");
        if (!key.isEmpty()) {
            if (!accepts(key)) {
                return refusal(401, ACCESS_DENIED);
            }
        } else if (auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String bearer = auth.substring(7).trim();
            if (bearer.isEmpty() || !accepts(bearer) && !tokens.contains(bearer)) {
                return refusal(401, BAD_TOKEN);
            }
        } else {
            return refusal(401, ACCESS_DENIED);
        }
        String version = r.queryParam("api-version").orElse(null);
        if (r.path().startsWith(V1_PREFIX) && r.threadId() != null) {
            return version == null || version.equals("v1") || version.equals("preview") ? null
                    : refusal(400, VERSION_NOT_SUPPORTED);
        }
        if (r.path().startsWith(LEGACY_PREFIX) && r.threadId() != null) {
            if (version == null) {
                return refusal(404, NOT_FOUND);
            }
            return DATED.matcher(version).matches() ? null : refusal(400, VERSION_NOT_SUPPORTED);
        }
        return refusal(404, NOT_FOUND);
    }

    private boolean accepts(String presented) {
        return apiKey == null ? !presented.isEmpty() : apiKey.equals(presented);
    }

    /** Azure's headers on an answer from behind the gateway: both request ids and the region. */
    void addHeaders(Headers.Builder h) {
        String id = UUID.randomUUID().toString();
        h.add("apim-request-id", id).add("x-request-id", id).add("x-ms-region", REGION);
    }

    /** A refusal from the gateway itself, which names the request by {@code apim-request-id} only. */
    private static Answer refusal(int status, String body) {
        Headers headers = Headers.builder()
                .add("Content-Type", "application/json")
                .add("apim-request-id", UUID.randomUUID().toString())
                .add("x-ms-region", REGION)
                .build();
        return Answer.complete(status, headers, body.getBytes(StandardCharsets.UTF_8));
    }
}
