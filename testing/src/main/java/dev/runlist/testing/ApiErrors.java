package dev.runlist.testing;

import dev.runlist.model.ErrorObject;

/**
 * Every error object the fake sends, in one place. Each notes where its wording comes from: texts
 * marked <i>observed</i> are the wire texts the real API sent, as recorded publicly (see the
 * project's {@code spec/observed-answers.md}) and must stay exact; texts marked <i>unverified</i> have
 * no public record for this endpoint and follow the API's style on its other list endpoints; texts
 * marked <i>fake</i> describe the fake itself.
 */
final class ApiErrors {

    static final String INVALID_REQUEST = "invalid_request_error";
    /** The code of both {@code OpenAI-Beta} answers (observed). */
    static final String INVALID_BETA = "invalid_beta";
    /** Characters a quoted wrong key shows at its start and at its end (observed). */
    static final int MASK_HEAD = 8;
    static final int MASK_TAIL = 4;

    private ApiErrors() {}

    /** 401 without a key. Observed: api.openai.com, code null. */
    static ErrorObject missingKey() {
        return new ErrorObject("You didn't provide an API key. You need to provide your API key in an Authorization"
                + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with"
                + " blank username) if you're accessing the API from your browser and are prompted for a username"
                + " and password. You can obtain an API key from https://platform.openai.com/account/api-keys.",
                INVALID_REQUEST, null, null);
    }

    /** 401 for a key the server does not know. Observed: api.openai.com, code {@code invalid_api_key}. */
    static ErrorObject wrongKey(String key) {
        return new ErrorObject("Incorrect API key provided: " + mask(key)
                + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                INVALID_REQUEST, null, "invalid_api_key");
    }

    /**
     * The key as the API quotes it (observed): its first 8 characters, one {@code *} per hidden
     * character, then its last 4; a key of 12 characters or fewer hides nothing and is quoted whole.
     */
    static String mask(String key) {
        if (key.length() <= MASK_HEAD + MASK_TAIL) {
            return key;
        }
        return key.substring(0, MASK_HEAD) + "*".repeat(key.length() - MASK_HEAD - MASK_TAIL)
                + key.substring(key.length() - MASK_TAIL);
    }

    /** 400 without an {@code OpenAI-Beta} header naming assistants. Observed: api.openai.com. */
    static ErrorObject missingBeta() {
        return new ErrorObject("You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try"
                + " again by setting the header 'OpenAI-Beta: assistants=v2'.", INVALID_REQUEST, null, INVALID_BETA);
    }

    /**
     * 400 for {@code OpenAI-Beta: assistants=v1}. Observed: api.openai.com; the record gives the
     * message's beginning, which is all the fake sends.
     */
    static ErrorObject deprecatedBeta() {
        return new ErrorObject("The v1 Assistants API has been deprecated. Please try again by setting the header"
                + " 'OpenAI-Beta: assistants=v2'.", INVALID_REQUEST, null, INVALID_BETA);
    }

    /** 404 for a thread that does not exist. Observed: api.openai.com. */
    static ErrorObject threadNotFound(String threadId) {
        return new ErrorObject("No thread found with id '" + threadId + "'.", INVALID_REQUEST, null, null);
    }

    /** 400 for {@code limit} below 1. Unverified: the API's wording on other list endpoints. */
    static ErrorObject limitBelowMin(String raw) {
        return new ErrorObject("Invalid 'limit': integer below minimum value. Expected a value >= 1, but got " + raw
                + " instead.", INVALID_REQUEST, "limit", "integer_below_min_value");
    }

    /** 400 for {@code limit} above 100. Unverified: the API's wording on other list endpoints. */
    static ErrorObject limitAboveMax(String raw) {
        return new ErrorObject("Invalid 'limit': integer above maximum value. Expected a value <= 100, but got " + raw
                + " instead.", INVALID_REQUEST, "limit", "integer_above_max_value");
    }

    /** 400 for a {@code limit} that is not an integer. Unverified. */
    static ErrorObject limitNotInteger(String raw) {
        return new ErrorObject("Invalid type for 'limit': expected an integer, but got a string instead.",
                INVALID_REQUEST, "limit", "invalid_type");
    }

    /** 400 for an {@code order} other than asc or desc. Unverified. */
    static ErrorObject badOrder(String raw) {
        return new ErrorObject("Invalid value: '" + raw + "'. Supported values are: 'asc' and 'desc'.",
                INVALID_REQUEST, "order", "invalid_value");
    }

    /** 400 for a cursor naming no run the thread ever held. Unverified. */
    static ErrorObject unknownCursor(String param, String runId, String threadId) {
        return new ErrorObject("Invalid '" + param + "': no run with id '" + runId + "' was found in thread '"
                + threadId + "'.", INVALID_REQUEST, param, "invalid_value");
    }

    /** 404 for a path the API does not serve. Observed: api.openai.com. */
    static ErrorObject invalidUrl(String method, String path) {
        return new ErrorObject("Invalid URL (" + method + " " + path + ")", INVALID_REQUEST, null, null);
    }

    /** 405 for a method other than GET. Fake: the real API serves other methods on this path. */
    static ErrorObject methodNotAllowed(String method, String path) {
        return new ErrorObject("Method " + method + " is not supported on " + path
                + " by runlist's fake API, which lists runs only (GET).", INVALID_REQUEST, null, null);
    }

    /** 500 when the fake itself fails (a rule that throws, a bug). Fake. */
    static ErrorObject fakeFailure(Throwable t) {
        return new ErrorObject("runlist's fake API failed while answering: " + t, "server_error", null, null);
    }

    /**
     * A realistic body for a scripted {@code status}. The 429 and 500 texts are the API's usual
     * wording (observed in client issue trackers); the others are plausible stand-ins.
     */
    static ErrorObject forStatus(int status) {
        switch (status) {
            case 400:
                return new ErrorObject("Bad request.", INVALID_REQUEST, null, null);
            case 401:
                return wrongKey("sk-wrong-key-0000000000");
            case 403:
                return new ErrorObject("You are not allowed to sample from this model", INVALID_REQUEST, null, null);
            case 404:
                return new ErrorObject("Not found.", INVALID_REQUEST, null, null);
            case 408:
                return new ErrorObject("Request timed out.", "timeout", null, null);
            case 409:
                return new ErrorObject("Another request is modifying this thread; try again.", INVALID_REQUEST, null,
                        "conflict");
            case 422:
                return new ErrorObject("Unprocessable entity.", INVALID_REQUEST, null, null);
            case 429:
                return new ErrorObject("Rate limit reached for requests in organization org-fake on requests per min"
                        + " (RPM): Limit 60, Used 60, Requested 1. Please try again in 1s. Visit"
                        + " https://platform.openai.com/account/rate-limits to learn more.", "requests", null,
                        "rate_limit_exceeded");
            case 500:
                return new ErrorObject("The server had an error while processing your request. Sorry about that!",
                        "server_error", null, null);
            case 502:
                return new ErrorObject("Bad gateway.", "server_error", null, null);
            case 503:
                return new ErrorObject("The engine is currently overloaded, please try again later.", "server_error",
                        null, null);
            case 504:
                return new ErrorObject("Gateway timeout.", "server_error", null, null);
            default:
                return new ErrorObject("HTTP " + status + ".", status >= 500 ? "server_error" : INVALID_REQUEST, null,
                        null);
        }
    }
}
