package dev.runlist.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The model's values: open enums, JSON values, the run and its builder. */
class ModelTest {

    private static Run.Builder minimal() {
        return Run.builder()
                .id("run_1")
                .createdAt(Instant.ofEpochSecond(10))
                .threadId("thread_1")
                .assistantId("asst_1")
                .status(RunStatus.COMPLETED)
                .model("gpt-4o");
    }

    @Test
    void knownOpenValuesAreTheConstants() {
        assertThat(RunStatus.of("failed")).isSameAs(RunStatus.FAILED);
        assertThat(RunStatus.of("requires_action")).isSameAs(RunStatus.REQUIRES_ACTION);
        assertThat(LastErrorCode.of("invalid_prompt")).isSameAs(LastErrorCode.INVALID_PROMPT);
        assertThat(IncompleteReason.of("max_prompt_tokens")).isSameAs(IncompleteReason.MAX_PROMPT_TOKENS);
        assertThat(TruncationType.of("last_messages")).isSameAs(TruncationType.LAST_MESSAGES);
        assertThat(ToolChoiceMode.of("required")).isSameAs(ToolChoiceMode.REQUIRED);
        assertThat(ResponseFormatMode.of("none")).isSameAs(ResponseFormatMode.NONE);
        assertThat(RunStatus.FAILED.isKnown()).isTrue();
        assertThat(RunStatus.FAILED.value()).isEqualTo("failed");
        assertThat(RunStatus.FAILED).hasToString("failed");
    }

    @Test
    void unknownOpenValuesAreKeptAndCompareByValue() {
        RunStatus paused = RunStatus.of("paused");
        assertThat(paused.isKnown()).isFalse();
        assertThat(paused.value()).isEqualTo("paused");
        assertThat(paused).isEqualTo(RunStatus.of("paused")).hasSameHashCodeAs(RunStatus.of("paused"));
        assertThat(paused).isNotEqualTo(RunStatus.FAILED);
        assertThat(RunStatus.of("Failed")).isNotEqualTo(RunStatus.FAILED);
        // Same string, different kind of value: not equal.
        assertThat((Object) TruncationType.of("auto")).isNotEqualTo(ToolChoiceMode.AUTO);
        assertThat((Object) ToolChoiceMode.AUTO).isNotEqualTo(ResponseFormatMode.AUTO);
        assertThatThrownBy(() -> RunStatus.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void kindNamesEveryKnownValueAndUnknownKeepsTheRawString() {
        assertThat(RunStatus.of("requires_action").kind()).isEqualTo(RunStatus.Kind.REQUIRES_ACTION);
        assertThat(LastErrorCode.of("rate_limit_exceeded").kind()).isEqualTo(LastErrorCode.Kind.RATE_LIMIT_EXCEEDED);
        assertThat(IncompleteReason.of("max_completion_tokens").kind()).isEqualTo(IncompleteReason.Kind.MAX_COMPLETION_TOKENS);
        assertThat(TruncationType.of("last_messages").kind()).isEqualTo(TruncationType.Kind.LAST_MESSAGES);
        assertThat(ToolChoiceMode.of("required").kind()).isEqualTo(ToolChoiceMode.Kind.REQUIRED);
        assertThat(ResponseFormatMode.of("auto").kind()).isEqualTo(ResponseFormatMode.Kind.AUTO);

        RunStatus paused = RunStatus.of("paused");
        assertThat(paused.kind()).isEqualTo(RunStatus.Kind.UNKNOWN);
        assertThat(paused.value()).isEqualTo("paused");
        assertThat(LastErrorCode.of("quota").kind()).isEqualTo(LastErrorCode.Kind.UNKNOWN);
        assertThat(IncompleteReason.of("content_filter").kind()).isEqualTo(IncompleteReason.Kind.UNKNOWN);
        assertThat(TruncationType.of("first_messages").kind()).isEqualTo(TruncationType.Kind.UNKNOWN);
        assertThat(ToolChoiceMode.of("sometimes").kind()).isEqualTo(ToolChoiceMode.Kind.UNKNOWN);
        assertThat(ResponseFormatMode.of("xml").kind()).isEqualTo(ResponseFormatMode.Kind.UNKNOWN);
    }

    /** Each kind but UNKNOWN is the lower-cased wire value of a constant, and the two agree on isKnown. */
    @Test
    void everyKindHasItsConstantAndBack() {
        assertKindsRoundTrip(RunStatus.Kind.values(), RunStatus::of);
        assertKindsRoundTrip(LastErrorCode.Kind.values(), LastErrorCode::of);
        assertKindsRoundTrip(IncompleteReason.Kind.values(), IncompleteReason::of);
        assertKindsRoundTrip(TruncationType.Kind.values(), TruncationType::of);
        assertKindsRoundTrip(ToolChoiceMode.Kind.values(), ToolChoiceMode::of);
        assertKindsRoundTrip(ResponseFormatMode.Kind.values(), ResponseFormatMode::of);
    }

    private static <K extends Enum<K>> void assertKindsRoundTrip(K[] kinds, Function<String, OpenValue<K>> of) {
        for (K kind : kinds) {
            OpenValue<K> value = of.apply(kind.name().toLowerCase(java.util.Locale.ROOT));
            if (kind.name().equals("UNKNOWN")) {
                assertThat(value.isKnown()).isFalse();
            } else {
                assertThat(value.kind()).isEqualTo(kind);
                assertThat(value.isKnown()).isTrue();
                assertThat(of.apply(value.value())).isSameAs(value);
            }
        }
    }

    /** A switch expression without default compiles only when it covers every kind. */
    @Test
    void aSwitchOnTheStatusKindIsExhaustive() {
        List<String> seen = new ArrayList<>();
        for (RunStatus status : List.of(RunStatus.QUEUED, RunStatus.COMPLETED, RunStatus.of("paused"))) {
            seen.add(switch (status.kind()) {
                case QUEUED, IN_PROGRESS, CANCELLING -> "waiting";
                case REQUIRES_ACTION -> "action";
                case COMPLETED -> "done";
                case FAILED, CANCELLED, EXPIRED, INCOMPLETE -> "ended badly";
                case UNKNOWN -> "unknown: " + status.value();
            });
        }
        assertThat(seen).containsExactly("waiting", "done", "unknown: paused");
    }

    @Test
    void terminalStatusesAreTheFiveThatCannotChange() {
        assertThat(List.of(RunStatus.COMPLETED, RunStatus.FAILED, RunStatus.CANCELLED, RunStatus.EXPIRED,
                RunStatus.INCOMPLETE)).allMatch(RunStatus::isTerminal);
        assertThat(List.of(RunStatus.QUEUED, RunStatus.IN_PROGRESS, RunStatus.REQUIRES_ACTION, RunStatus.CANCELLING,
                RunStatus.of("paused"))).noneMatch(RunStatus::isTerminal);
    }

    @Test
    void jsonNumberKeepsItsTextAndConverts() {
        JsonValue.JsonNumber n = new JsonValue.JsonNumber("12345678901234567890.50");
        assertThat(n.text()).isEqualTo("12345678901234567890.50");
        assertThat(n.bigDecimal()).isEqualByComparingTo(new BigDecimal("12345678901234567890.5"));
        assertThat(new JsonValue.JsonNumber("-1.5e3").doubleValue()).isEqualTo(-1500.0);
        assertThat(new JsonValue.JsonNumber("42").longValue()).isEqualTo(42L);
        assertThat(JsonValue.JsonNumber.of(7L)).isEqualTo(new JsonValue.JsonNumber("7"));
        assertThatThrownBy(() -> new JsonValue.JsonNumber("1.5").longValue()).isInstanceOf(ArithmeticException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "01", "1.", ".5", "1e", "1e+", "NaN", "Infinity", "0x10", "1 ", "+1"})
    void jsonNumberRejectsWhatIsNotAJsonNumber(String text) {
        assertThatThrownBy(() -> new JsonValue.JsonNumber(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jsonObjectKeepsOrderAndIsImmutable() {
        LinkedHashMap<String, JsonValue> m = new LinkedHashMap<>();
        m.put("z", JsonValue.NULL);
        m.put("a", JsonValue.JsonBoolean.TRUE);
        JsonValue.JsonObject o = new JsonValue.JsonObject(m);
        m.put("later", JsonValue.NULL);
        assertThat(o.members().keySet()).containsExactly("z", "a");
        assertThat(o.get("a")).isEqualTo(JsonValue.JsonBoolean.of(true));
        assertThatThrownBy(() -> o.members().put("x", JsonValue.NULL))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(JsonValue.NULL).hasToString("null");
    }

    @Test
    void runRequiresItsRequiredFields() {
        assertThatThrownBy(() -> minimal().id(null).build()).hasMessageContaining("id");
        assertThatThrownBy(() -> minimal().status(null).build()).hasMessageContaining("status");
        assertThatThrownBy(() -> minimal().createdAt(null).build()).hasMessageContaining("createdAt");
    }

    @Test
    void runDefaultsAndCopies() {
        List<Tool> tools = new ArrayList<>(List.of(new Tool.CodeInterpreterTool()));
        LinkedHashMap<String, String> metadata = new LinkedHashMap<>();
        metadata.put("b", "2");
        metadata.put("a", "1");
        Run run = minimal().tools(tools).metadata(metadata).build();
        tools.clear();
        metadata.clear();
        assertThat(run.tools()).hasSize(1);
        assertThat(run.metadata().keySet()).containsExactly("b", "a");
        assertThat(run.object()).isEqualTo("thread.run");
        assertThat(minimal().build().tools()).isEmpty();
        assertThat(minimal().build().metadata()).isNull();
        assertThat(minimal().build().additionalProperties()).isEmpty();
        assertThatThrownBy(() -> run.tools().add(new Tool.CodeInterpreterTool()))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void runEqualityCoversEveryFieldAndToBuilderCopies() {
        Run a = minimal().temperature(0.5).additionalProperties(Map.of("x", JsonValue.NULL)).build();
        assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().temperature(0.6).build()).isNotEqualTo(a);
        assertThat(a.toBuilder().additionalProperties(null).build()).isNotEqualTo(a);
        assertThat(a.toBuilder().parallelToolCalls(true).build()).isNotEqualTo(a);
    }

    @Test
    void runToStringIsShort() {
        assertThat(minimal().instructions("a very long prompt").build().toString())
                .isEqualTo("Run{id=run_1, status=completed, createdAt=1970-01-01T00:00:10Z, model=gpt-4o}");
    }

    @Test
    void nestedValuesHaveConvenienceConstructorsWithoutUnknownFields() {
        assertThat(new Usage(1, 2, 3).additionalProperties()).isEmpty();
        assertThat(new ToolCall("c", "function", new FunctionCall("f", "{}")).additionalProperties()).isEmpty();
        assertThat(new Tool.FunctionTool(new Tool.FunctionDefinition("f", null, null, null)).type())
                .isEqualTo("function");
        assertThat(new Tool.CodeInterpreterTool().type()).isEqualTo("code_interpreter");
        assertThat(new Tool.FileSearchTool(null).type()).isEqualTo("file_search");
        assertThat(new SubmitToolOutputs(null).toolCalls()).isEmpty();
        assertThat(new RunListResponse(null, null, null, false).object()).isEqualTo("list");
        assertThatThrownBy(() -> new Tool.FunctionDefinition(null, null, null, null))
                .isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new ResponseFormat.JsonSchemaFormat(null, null, null, null))
                .isInstanceOf(NullPointerException.class);
    }
}
