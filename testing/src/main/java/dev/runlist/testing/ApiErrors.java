package dev.runlist.testing;

import dev.runlist.model.ErrorObject;

/** The error objects the real API sends, word for word where known. */
final class ApiErrors {

    static final String INVALID_REQUEST = "invalid_request_error";

    private ApiErrors() {}

    static ErrorObject missingKey() {
        return new ErrorObject("You didn't provide an API key. You need to provide your API key in an Authorization"
                + " header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY), or as the password field (with"
                + " blank username) if you're accessing the API from your browser and are prompted for a username."
                + " You can obtain an API key from https://platform.openai.com/account/api-keys.",
                INVALID_REQUEST, null, null);
    }

    static ErrorObject wrongKey(String key) {
        return new ErrorObject("Incorrect API key provided: " + mask(key)
                + ". You can find your API key at https://platform.openai.com/account/api-keys.",
                INVALID_REQUEST, null, "invalid_api_key");
    }

    /** The key as the API quotes it: its first 6 and last 5 characters, never all of it. */
    static String mask(String key) {
        if (key.length() < 12) {
            return "***";
        }
        return key.substring(0, 6) + "***" + key.substring(key.length() - 5);
    }

    static ErrorObject missingBeta() {
        return new ErrorObject("You must provide the 'OpenAI-Beta' header to access the Assistants API. Please try"
                + " again by setting the header 'OpenAI-Beta: assistants=v2'.", INVALID_REQUEST, null, null);
    }

    static ErrorObject threadNotFound(String threadId) {
        return new ErrorObject("No thread found with id '" + threadId + "'.", INVALID_REQUEST, null, null);
    }

    static ErrorObject limitBelowMin(String raw) {
        return new ErrorObject("Invalid 'limit': integer below minimum value. Expected a value >= 1, but got " + raw
                + " instead.", INVALID_REQUEST, "limit", "integer_below_min_value");
    }

    static ErrorObject limitAboveMax(String raw) {
        return new ErrorObject("Invalid 'limit': integer above maximum value. Expected a value <= 100, but got " + raw
                + " instead.", INVALID_REQUEST, "limit", "integer_above_max_value");
    }

    static ErrorObject limitNotInteger(String raw) {
        return new ErrorObject("Invalid type for 'limit': expected an integer, but got a string instead.",
                INVALID_REQUEST, "limit", "invalid_type");
    }

    static ErrorObject badOrder(String raw) {
        return new ErrorObject("Invalid value: '" + raw + "'. Supported values are: 'asc' and 'desc'.",
                INVALID_REQUEST, "order", "invalid_value");
    }

    static ErrorObject unknownCursor(String param, String runId, String threadId) {
        return new ErrorObject("Invalid '" + param + "': no run with id '" + runId + "' was found in thread '"
                + threadId + "'.", INVALID_REQUEST, param, "invalid_value");
    }

    static ErrorObject invalidUrl(String method, String path) {
        return new ErrorObject("Invalid URL (" + method + " " + path + ")", INVALID_REQUEST, null, null);
    }

    static ErrorObject methodNotAllowed(String method, String path) {
        return new ErrorObject("Method " + method + " is not supported on " + path
                + " by runlist's fake API, which lists runs only (GET).", INVALID_REQUEST, null, null);
    }

    static ErrorObject fakeFailure(Throwable t) {
        return new ErrorObject("runlist's fake API failed while answering: " + t, "server_error", null, null);
    }

    /** A realistic body for a scripted {@code status}. */
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
