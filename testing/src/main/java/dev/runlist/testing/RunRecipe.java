package dev.runlist.testing;

import dev.runlist.model.CodeInterpreterResources;
import dev.runlist.model.FileSearchResources;
import dev.runlist.model.FunctionCall;
import dev.runlist.model.IncompleteDetails;
import dev.runlist.model.IncompleteReason;
import dev.runlist.model.JsonValue;
import dev.runlist.model.JsonValue.JsonArray;
import dev.runlist.model.JsonValue.JsonBoolean;
import dev.runlist.model.JsonValue.JsonNumber;
import dev.runlist.model.JsonValue.JsonObject;
import dev.runlist.model.JsonValue.JsonString;
import dev.runlist.model.LastError;
import dev.runlist.model.LastErrorCode;
import dev.runlist.model.RequiredAction;
import dev.runlist.model.ResponseFormat;
import dev.runlist.model.ResponseFormatMode;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import dev.runlist.model.SubmitToolOutputs;
import dev.runlist.model.Tool;
import dev.runlist.model.ToolCall;
import dev.runlist.model.ToolChoice;
import dev.runlist.model.ToolChoiceMode;
import dev.runlist.model.ToolResources;
import dev.runlist.model.TruncationStrategy;
import dev.runlist.model.TruncationType;
import dev.runlist.model.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fields of one generated run, each drawn from the run's own random sequence, so a run depends
 * only on its seed and index ({@link RunFixtures}). One instance per run; not thread-safe.
 */
final class RunRecipe {

    private static final String BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final List<LastErrorCode> ERROR_CODES =
            List.of(LastErrorCode.SERVER_ERROR, LastErrorCode.RATE_LIMIT_EXCEEDED, LastErrorCode.INVALID_PROMPT);
    private static final List<String> MODELS = List.of("gpt-4o", "gpt-4o-mini", "gpt-4.1", "gpt-4-turbo");
    // Ordered maps: Map.of's iteration order changes from one JVM to the next.
    private static final List<Map<String, String>> METADATA = List.of(
            meta(),
            meta("customer", "Zoë Müller", "note", "café crème — déjà vu"),
            meta("lang", "日本語のテキスト", "ticket", "JP-4711"),
            meta("mood", "🚀✨ shipped 🎉", "flag", "🇫🇷"),
            meta("quote", "she said \"hello\" and left", "single", "it's"),
            meta("path", "C:\\Users\\runlist\\data.json", "regex", "^\\d+\\.\\d+$"),
            meta("multiline", "line one\nline two\r\n\tindented", "control", "bell\u0007 and tab\t"),
            meta("html", "<b>bold</b> & </script>", "slash", "a/b\\/c"));
    private static final String LONG_INSTRUCTIONS_UNIT = "You are a meticulous assistant for an airline's support"
            + " desk. Answer in the customer's language (français, 日本語, Deutsch), quote booking codes"
            + " verbatim, never invent fares, and call the \"lookup_booking\" function before answering"
            + " questions about a reservation.\n";
    private static final JsonObject BOOKING_SCHEMA = bookingSchema();
    private static final JsonObject WEATHER_SCHEMA = weatherSchema();
    private static final JsonObject SUMMARY_SCHEMA = summarySchema();

    private final SplittableRandom random;

    RunRecipe(SplittableRandom random) {
        this.random = random;
    }

    Run run(String threadId, String id, long created, int n, RunStatus status) {
        List<Tool> tools = tools(n);
        Run.Builder b = Run.builder()
                .id(id)
                .createdAt(Instant.ofEpochSecond(created))
                .threadId(threadId)
                .assistantId("asst_" + base62(24))
                .status(status)
                .model(MODELS.get(random.nextInt(MODELS.size())))
                .instructions(instructions())
                .tools(tools)
                .toolResources(toolResources(tools))
                .metadata(metadata(n))
                .temperature(pick(1.0, 0.2, 0.7, 1.3))
                .topP(pick(1.0, 0.9, 0.5))
                .maxPromptTokens(random.nextInt(3) == 0 ? null : 1000 * (1 + random.nextInt(64)))
                .maxCompletionTokens(random.nextInt(3) == 0 ? null : 256 * (1 + random.nextInt(16)))
                .truncationStrategy(random.nextBoolean() ? new TruncationStrategy(TruncationType.AUTO, null)
                        : new TruncationStrategy(TruncationType.LAST_MESSAGES, 1 + random.nextInt(20)))
                .toolChoice(toolChoice(n, tools))
                .parallelToolCalls(random.nextInt(4) != 0)
                .responseFormat(responseFormat(n));
        statusFields(b, status, created, tools);
        return b.build();
    }

    private void statusFields(Run.Builder b, RunStatus status, long created, List<Tool> tools) {
        long started = created + 1 + random.nextInt(5);
        long ended = started + 2 + random.nextInt(120);
        Instant expires = Instant.ofEpochSecond(created + RunFixtures.MAX_RUN_SPAN_SECONDS);
        if (status.equals(RunStatus.QUEUED)) {
            b.expiresAt(expires);
        } else if (status.equals(RunStatus.IN_PROGRESS) || status.equals(RunStatus.CANCELLING)) {
            b.startedAt(Instant.ofEpochSecond(started)).expiresAt(expires);
        } else if (status.equals(RunStatus.REQUIRES_ACTION)) {
            b.startedAt(Instant.ofEpochSecond(started)).expiresAt(expires).requiredAction(requiredAction(tools));
        } else if (status.equals(RunStatus.CANCELLED)) {
            b.startedAt(Instant.ofEpochSecond(started)).cancelledAt(Instant.ofEpochSecond(ended)).usage(usage());
        } else if (status.equals(RunStatus.FAILED)) {
            LastErrorCode code = ERROR_CODES.get(random.nextInt(ERROR_CODES.size()));
            b.startedAt(Instant.ofEpochSecond(started)).failedAt(Instant.ofEpochSecond(ended)).usage(usage())
                    .lastError(new LastError(code, errorMessage(code)));
        } else if (status.equals(RunStatus.COMPLETED)) {
            b.startedAt(Instant.ofEpochSecond(started)).completedAt(Instant.ofEpochSecond(ended)).usage(usage());
        } else if (status.equals(RunStatus.INCOMPLETE)) {
            b.startedAt(Instant.ofEpochSecond(started)).completedAt(Instant.ofEpochSecond(ended)).usage(usage())
                    .incompleteDetails(new IncompleteDetails(random.nextBoolean()
                            ? IncompleteReason.MAX_COMPLETION_TOKENS : IncompleteReason.MAX_PROMPT_TOKENS));
        } else if (status.equals(RunStatus.EXPIRED)) {
            b.expiresAt(expires).usage(random.nextBoolean() ? usage() : null);
        }
    }

    private static String errorMessage(LastErrorCode code) {
        if (code.equals(LastErrorCode.RATE_LIMIT_EXCEEDED)) {
            return "You exceeded your current quota, please check your plan and billing details.";
        }
        if (code.equals(LastErrorCode.INVALID_PROMPT)) {
            return "Invalid prompt: your prompt was flagged as potentially violating our usage policy.";
        }
        return "Sorry, something went wrong.";
    }

    private List<Tool> tools(int n) {
        List<Tool> tools = new ArrayList<>();
        // Every kind appears within the first runs; then each is drawn independently.
        boolean early = n < 3;
        if (early ? n == 0 : random.nextInt(3) == 0) {
            tools.add(new Tool.CodeInterpreterTool());
        }
        if (early ? n == 1 : random.nextInt(3) == 0) {
            tools.add(new Tool.FileSearchTool(random.nextBoolean() ? null
                    : new Tool.FileSearchOptions(1 + random.nextInt(50),
                            new Tool.RankingOptions("default_2024_08_21",
                                    random.nextBoolean() ? null : random.nextInt(10) / 10.0))));
        }
        if (early ? n == 2 : random.nextBoolean()) {
            tools.add(new Tool.FunctionTool(new Tool.FunctionDefinition("lookup_booking",
                    "Finds a booking by its code and the passenger's last name.", BOOKING_SCHEMA,
                    random.nextBoolean() ? Boolean.TRUE : null)));
            if (random.nextBoolean()) {
                tools.add(new Tool.FunctionTool(new Tool.FunctionDefinition("get_weather", null,
                        WEATHER_SCHEMA, Boolean.FALSE)));
            }
        }
        return tools;
    }

    private static JsonObject bookingSchema() {
        Map<String, JsonValue> props = new LinkedHashMap<>();
        props.put("code", obj("type", new JsonString("string"), "pattern", new JsonString("^[A-Z0-9]{6}$")));
        props.put("last_name", obj("type", new JsonString("string"), "description",
                new JsonString("Family name, e.g. \"Müller\" or 山田")));
        props.put("include_history", obj("type", new JsonString("boolean")));
        return obj("type", new JsonString("object"), "properties", new JsonObject(props),
                "required", new JsonArray(List.of(new JsonString("code"), new JsonString("last_name"))),
                "additionalProperties", JsonBoolean.FALSE);
    }

    private static JsonObject summarySchema() {
        return obj("type", new JsonString("object"), "properties",
                obj("summary", obj("type", new JsonString("string")),
                        "confidence", obj("type", new JsonString("number"))),
                "required", new JsonArray(List.of(new JsonString("summary"))),
                "additionalProperties", JsonBoolean.FALSE);
    }

    private static JsonObject weatherSchema() {
        Map<String, JsonValue> props = new LinkedHashMap<>();
        props.put("city", obj("type", new JsonString("string")));
        props.put("days", obj("type", new JsonString("integer"), "minimum", JsonNumber.of(1), "maximum",
                JsonNumber.of(14)));
        props.put("unit", obj("type", new JsonString("string"), "enum",
                new JsonArray(List.of(new JsonString("celsius"), new JsonString("fahrenheit")))));
        return obj("type", new JsonString("object"), "properties", new JsonObject(props),
                "required", new JsonArray(List.of(new JsonString("city"))));
    }

    private static Map<String, String> meta(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return Collections.unmodifiableMap(m);
    }

    private static JsonObject obj(Object... kv) {
        Map<String, JsonValue> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (JsonValue) kv[i + 1]);
        }
        return new JsonObject(m);
    }

    private ToolResources toolResources(List<Tool> tools) {
        boolean code = tools.stream().anyMatch(t -> t instanceof Tool.CodeInterpreterTool);
        boolean search = tools.stream().anyMatch(t -> t instanceof Tool.FileSearchTool);
        if (!code && !search) {
            return random.nextBoolean() ? null : new ToolResources(null, null);
        }
        return new ToolResources(
                code ? new CodeInterpreterResources(ids("file-", random.nextInt(3))) : null,
                search ? new FileSearchResources(ids("vs_", 1)) : null);
    }

    private RequiredAction requiredAction(List<Tool> tools) {
        List<String> names = new ArrayList<>();
        for (Tool t : tools) {
            if (t instanceof Tool.FunctionTool) {
                names.add(((Tool.FunctionTool) t).function().name());
            }
        }
        if (names.isEmpty()) {
            names.add("lookup_booking");
        }
        int calls = 1 + random.nextInt(3);
        List<ToolCall> list = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            String name = names.get(random.nextInt(names.size()));
            String args = name.equals("get_weather")
                    ? "{\"city\":\"Zürich\",\"days\":" + (1 + random.nextInt(14)) + ",\"unit\":\"celsius\"}"
                    : "{\"code\":\"" + base62(6).toUpperCase(java.util.Locale.ROOT)
                            + "\",\"last_name\":\"O'Brien \\\"Jr\\\"\"}";
            list.add(new ToolCall("call_" + base62(24), "function", new FunctionCall(name, args)));
        }
        return new RequiredAction("submit_tool_outputs", new SubmitToolOutputs(list));
    }

    private ToolChoice toolChoice(int n, List<Tool> tools) {
        boolean hasFunction = tools.stream().anyMatch(t -> t instanceof Tool.FunctionTool);
        int pick = n < 4 ? n : random.nextInt(5);
        switch (pick) {
            case 0:
                return ToolChoiceMode.AUTO;
            case 1:
                return ToolChoiceMode.NONE;
            case 2:
                return ToolChoiceMode.REQUIRED;
            case 3:
                return ToolChoice.Named.function("lookup_booking");
            default:
                return hasFunction ? ToolChoice.Named.function("lookup_booking") : ToolChoiceMode.AUTO;
        }
    }

    private ResponseFormat responseFormat(int n) {
        switch (n < 4 ? n : random.nextInt(6)) {
            case 1:
                return new ResponseFormat.TextFormat();
            case 2:
                return new ResponseFormat.JsonObjectFormat();
            case 3:
                return new ResponseFormat.JsonSchemaFormat("booking_summary", "A short summary of a booking.",
                        SUMMARY_SCHEMA, Boolean.TRUE);
            default:
                return ResponseFormatMode.AUTO;
        }
    }

    private Map<String, String> metadata(int n) {
        return METADATA.get(n < METADATA.size() ? n : random.nextInt(METADATA.size()));
    }

    private String instructions() {
        switch (random.nextInt(4)) {
            case 0:
                return null;
            case 1:
                return LONG_INSTRUCTIONS_UNIT.repeat(8 + random.nextInt(24));
            default:
                return "You are a helpful assistant. Réponds brièvement.";
        }
    }

    private Usage usage() {
        long prompt = 50 + random.nextInt(4000);
        long completion = random.nextInt(1500);
        return new Usage(completion, prompt, prompt + completion);
    }

    private Double pick(double... values) {
        return values[random.nextInt(values.length)];
    }

    private List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(prefix + base62(24));
        }
        return ids;
    }

    private String base62(int length) {
        char[] c = new char[length];
        for (int i = 0; i < length; i++) {
            c[i] = BASE62.charAt(random.nextInt(BASE62.length()));
        }
        return new String(c);
    }
}
