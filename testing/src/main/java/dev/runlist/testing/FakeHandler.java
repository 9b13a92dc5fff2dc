package dev.runlist.testing;

import dev.runlist.json.RunsJson;
import dev.runlist.model.ErrorObject;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.spi.Headers;
import java.math.BigInteger;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * The one request handler behind both front ends: records the request, applies a scripted fault if
 * one matches, else answers as the real API would. Checks run in this order, each in its own
 * method: route ({@link #threadIdOf}, 404 Invalid URL), method (405), API key ({@code
 * authenticate}, 401), {@code OpenAI-Beta} ({@code checkBeta}, 400), then the listing ({@code
 * list}): {@code limit} and {@code order} (400), thread (404), cursor (400). As Azure
 * ({@link AzureDialect}), the gateway's checks come first and replace the key and beta checks.
 * Thread-safe.
 */
final class FakeHandler {

    private static final String JSON = "application/json";
    private static final List<String> PREFIXES = List.of("/v1/threads/", "/openai/threads/", "/openai/v1/threads/");
    private static final String SUFFIX = "/runs";

    private final RunStore store;
    private final RequestJournal journal;
    private final FaultScript faults;
    private final Object arrivals = new Object();
    private final EncodedPages encodedPages = new EncodedPages();
    private final String apiKey;
    private final boolean requireBeta;
    private final Clock clock;
    private final Set<String> grantedTokens;
    private final AzureDialect azure;
    private final RunsJson json = RunsJson.standard();

    /**
     * @param grantedTokens bearer tokens accepted besides the key, read live
     * @param azure how to answer as Azure OpenAI, or null to answer as OpenAI
     */
    FakeHandler(RunStore store, RequestJournal journal, FaultScript faults, String apiKey, boolean requireBeta,
            Clock clock, Set<String> grantedTokens, AzureDialect azure) {
        this.store = store;
        this.journal = journal;
        this.faults = faults;
        this.apiKey = apiKey;
        this.requireBeta = requireBeta;
        this.clock = clock;
        this.grantedTokens = grantedTokens;
        this.azure = azure;
    }

    /** Handles one request; {@code rawPath} and {@code rawQuery} (null for none) are as sent. */
    Answer handle(String method, String rawPath, String rawQuery, Headers headers) {
        long start = System.nanoTime();
        String threadId = threadIdOf(rawPath);
        Map<String, List<String>> query = QueryParams.parse(rawQuery);
        RecordedRequest request;
        Fault fault;
        // Journal and fault script advance together, so the n-th request journaled is the one that
        // meets the n-th scripted fault, however the threads serving requests are scheduled.
        synchronized (arrivals) {
            request = journal.record(method, rawPath, rawQuery, query, headers, threadId, clock.instant());
            try {
                fault = faults.next(request);
            } catch (RuntimeException | Error e) {
                return error(500, ApiErrors.fakeFailure(e), start);
            }
        }
        Fault.Responder responder = new Fault.Responder() {
            @Override
            public Answer normal() {
                return answer(request, start);
            }

            @Override
            public Answer respond(int status, String contentType, byte[] body) {
                return FakeHandler.this.respond(status, contentType, body, start);
            }
        };
        try {
            return fault != null ? fault.answer(responder) : responder.normal();
        } catch (RuntimeException | Error e) {
            return error(500, ApiErrors.fakeFailure(e), start);
        }
    }

    private Answer answer(RecordedRequest r, long start) {
        Answer refusedByAzure = azure == null ? null : azure.refuse(r);
        if (refusedByAzure != null) {
            return refusedByAzure;
        }
        if (r.threadId() == null) {
            return error(404, ApiErrors.invalidUrl(r.method(), r.path()), start);
        }
        if (!"GET".equals(r.method())) {
            Answer a = error(405, ApiErrors.methodNotAllowed(r.method(), r.path()), start);
            return a.withHeaders(Headers.of(Map.of("Allow", "GET")));
        }
        if (azure != null) {
            return list(r, start); // Azure's gateway checked the credential; Azure needs no OpenAI-Beta
        }
        Answer refused = authenticate(r.headers(), start);
        if (refused == null) {
            refused = checkBeta(r.headers(), start);
        }
        return refused != null ? refused : list(r, start);
    }

    /** Null when the request carries the accepted key or a granted token, else the 401 answer. */
    private Answer authenticate(Headers headers, long start) {
        String key = presentedKey(headers);
        if (key == null) {
            return error(401, ApiErrors.missingKey(), start);
        }
        if (apiKey != null && !apiKey.equals(key) && !grantedTokens.contains(key)) {
            return error(401, ApiErrors.wrongKey(key), start);
        }
        return null;
    }

    /** Null when {@code OpenAI-Beta} asks for assistants v2 (or it is not required), else the 400 answer. */
    private Answer checkBeta(Headers headers, long start) {
        if (!requireBeta) {
            return null;
        }
        List<String> tokens = betaTokens(headers);
        if (tokens.contains("assistants=v2")) {
            return null;
        }
        return error(400, tokens.contains("assistants=v1") ? ApiErrors.deprecatedBeta() : ApiErrors.missingBeta(),
                start);
    }

    /** Answers a listing request that passed authentication: checks the parameters, then the page. */
    private Answer list(RecordedRequest r, long start) {
        int limit = 20;
        String rawLimit = r.queryParam("limit").orElse(null);
        if (rawLimit != null) {
            if (!rawLimit.matches("[+-]?[0-9]+")) {
                return error(400, ApiErrors.limitNotInteger(rawLimit), start);
            }
            BigInteger value = new BigInteger(rawLimit);
            if (value.compareTo(BigInteger.ONE) < 0) {
                return error(400, ApiErrors.limitBelowMin(value.toString()), start);
            }
            if (value.compareTo(BigInteger.valueOf(100)) > 0) {
                return error(400, ApiErrors.limitAboveMax(value.toString()), start);
            }
            limit = value.intValue();
        }
        String order = r.queryParam("order").orElse("desc");
        if (!order.equals("asc") && !order.equals("desc")) {
            return error(400, ApiErrors.badOrder(order), start);
        }
        ThreadRuns thread = store.thread(r.threadId());
        if (thread == null) {
            return error(404, ApiErrors.threadNotFound(r.threadId()), start);
        }
        ListQuery query = new ListQuery(order.equals("asc"), limit,
                r.queryParam("after").orElse(null), r.queryParam("before").orElse(null));
        // A page asked for again from the same state of its thread is answered from the cache without
        // taking it from the thread again (which would make every seeded run of it).
        byte[] body = encodedPages.get(thread, thread.version(), query);
        if (body == null) {
            PageResult result = thread.list(query);
            if (result.unknownCursorParam() != null) {
                return error(400, ApiErrors.unknownCursor(result.unknownCursorParam(), result.unknownCursor(),
                        r.threadId()), start);
            }
            List<Run> runs = result.runs();
            body = encodedPages.put(thread, result.version(), query, json.writePage(new RunListResponse(runs,
                    runs.isEmpty() ? null : runs.get(0).id(),
                    runs.isEmpty() ? null : runs.get(runs.size() - 1).id(),
                    result.hasMore()), true));
        }
        return respond(200, JSON, body, start);
    }

    private Answer error(int status, ErrorObject error, long start) {
        return respond(status, JSON, json.writeError(error), start);
    }

    private Answer respond(int status, String contentType, byte[] body, long start) {
        long ms = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        Headers.Builder headers = Headers.builder()
                .add("Content-Type", contentType.startsWith("text/") ? contentType + "; charset=utf-8" : contentType)
                .add("openai-version", "2020-10-01")
                .add("openai-processing-ms", Long.toString(ms));
        if (azure != null) {
            azure.addHeaders(headers);
        } else {
            headers.add("x-request-id", requestId());
        }
        return Answer.complete(status, headers.build(), body);
    }

    private static String requestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + String.format(Locale.ROOT, "%016x%016x", random.nextLong(), random.nextLong());
    }

    /** The key from {@code Authorization: Bearer K}, else from {@code api-key: K}; null when neither. */
    private static String presentedKey(Headers headers) {
        String auth = headers.firstValue("Authorization").orElse("").trim();
        if (auth.regionMatches(true, 0, "Bearer ", 0, 7) && !auth.substring(7).isBlank()) {
            return auth.substring(7).trim();
        }
        String azure = headers.firstValue("api-key").orElse("").trim();
        return azure.isEmpty() ? null : azure;
    }

    /** The comma-separated tokens of every {@code OpenAI-Beta} header, trimmed. */
    private static List<String> betaTokens(Headers headers) {
        List<String> tokens = new ArrayList<>();
        for (String value : headers.values("OpenAI-Beta")) {
            for (String token : value.split(",")) {
                tokens.add(token.trim());
            }
        }
        return tokens;
    }

    /** The decoded thread id of a runs path, or null when {@code rawPath} is not one. */
    static String threadIdOf(String rawPath) {
        for (String prefix : PREFIXES) {
            if (rawPath.startsWith(prefix) && rawPath.endsWith(SUFFIX)
                    && rawPath.length() > prefix.length() + SUFFIX.length()) {
                String segment = rawPath.substring(prefix.length(), rawPath.length() - SUFFIX.length());
                return segment.contains("/") ? null : QueryParams.decode(segment, false);
            }
        }
        return null;
    }
}
