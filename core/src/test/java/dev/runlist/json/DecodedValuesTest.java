package dev.runlist.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.model.JsonValue;
import dev.runlist.model.Run;
import dev.runlist.model.Tool;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The maps and lists the decoder hands out (metadata, JSON objects and arrays kept whole, small and
 * large) behave as ordinary immutable maps and lists: the order sent, a repeated name as
 * {@link LinkedHashMap#put} keeps it, equal to (and hashing like) any map or list with the same content.
 */
class DecodedValuesTest {

    private static final String RUN_HEAD =
            "{\"id\":\"r\",\"created_at\":1,\"thread_id\":\"t\",\"assistant_id\":\"a\",\"status\":\"queued\",\"model\":\"m\"";

    private static Run run(String members) {
        return RunsJson.standard().readRun((RUN_HEAD + "," + members + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static JsonValue.JsonObject parameters(String object) {
        Run run = run("\"tools\":[{\"type\":\"function\",\"function\":{\"name\":\"f\",\"parameters\":" + object + "}}]");
        return ((Tool.FunctionTool) run.tools().get(0)).function().parameters();
    }

    @Test
    void smallAndLargeObjectsKeepTheOrderSentAndEqualAnyMapWithTheSameMembers() {
        for (int size : new int[] {1, 3, 8, 9, 40}) {
            LinkedHashMap<String, JsonValue> expected = new LinkedHashMap<>();
            IntStream.range(0, size).forEach(i -> expected.put("k" + (size - i), new JsonValue.JsonNumber(Integer.toString(i))));
            String object = expected.entrySet().stream()
                    .map(e -> "\"" + e.getKey() + "\":" + ((JsonValue.JsonNumber) e.getValue()).text())
                    .collect(Collectors.joining(",", "{", "}"));
            Map<String, JsonValue> decoded = parameters(object).members();
            assertThat(decoded).as("size %d", size).containsExactlyEntriesOf(expected);
            assertThat(decoded).isEqualTo(expected);
            assertThat(expected).isEqualTo(decoded);
            assertThat(decoded.hashCode()).isEqualTo(expected.hashCode());
            assertThat(decoded.get("k1")).isEqualTo(new JsonValue.JsonNumber(Integer.toString(size - 1)));
            assertThat(decoded.containsKey("absent")).isFalse();
            assertThat(decoded.get("absent")).isNull();
            assertThatThrownBy(() -> decoded.put("x", JsonValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
        }
    }

    @Test
    void aRepeatedNameKeepsItsFirstPlaceAndItsLastValue() {
        Map<String, JsonValue> small = parameters("{\"a\":1,\"b\":2,\"a\":3}").members();
        assertThat(small).containsExactly(
                Map.entry("a", new JsonValue.JsonNumber("3")), Map.entry("b", new JsonValue.JsonNumber("2")));
        Map<String, String> metadata = run("\"metadata\":{\"x\":\"1\",\"y\":\"2\",\"x\":\"3\"}").metadata();
        assertThat(metadata).containsExactly(Map.entry("x", "3"), Map.entry("y", "2"));
    }

    @Test
    void nestedValuesAndListsAreWhole() {
        JsonValue.JsonObject p = parameters(
                "{\"type\":\"object\",\"properties\":{\"q\":{\"type\":\"string\",\"enum\":[\"a\",\"b\"]}},\"required\":[\"q\"],\"e\":{},\"l\":[]}");
        JsonValue.JsonObject q = (JsonValue.JsonObject) ((JsonValue.JsonObject) p.get("properties")).get("q");
        assertThat(((JsonValue.JsonArray) q.get("enum")).elements())
                .containsExactly(new JsonValue.JsonString("a"), new JsonValue.JsonString("b"));
        assertThat(((JsonValue.JsonArray) p.get("required")).elements()).isEqualTo(List.of(new JsonValue.JsonString("q")));
        assertThat(((JsonValue.JsonObject) p.get("e")).members()).isEmpty();
        assertThat(((JsonValue.JsonArray) p.get("l")).elements()).isEmpty();
        assertThat(p.members().keySet()).containsExactly("type", "properties", "required", "e", "l");
        List<JsonValue> required = ((JsonValue.JsonArray) p.get("required")).elements();
        assertThatThrownBy(() -> required.add(JsonValue.NULL)).isInstanceOf(UnsupportedOperationException.class);
    }
}
