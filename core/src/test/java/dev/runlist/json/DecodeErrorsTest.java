package dev.runlist.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.runlist.errors.DecodeException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad body is a DecodeException that says what is wrong and where, never anything else. */
class DecodeErrorsTest {

    private static final String RUN_HEAD =
            "{\"id\":\"r\",\"created_at\":1,\"thread_id\":\"t\",\"assistant_id\":\"a\",\"status\":\"queued\",\"model\":\"m\"";

    private final RunsJson json = RunsJson.standard();

    private DecodeException pageError(String body) {
        Throwable t = catchThrowable(() -> json.readPage(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(t).as("body %s", body).isInstanceOf(DecodeException.class);
        Throwable s = catchThrowable(() -> json.readPage(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8))));
        assertThat(s).isInstanceOf(DecodeException.class);
        assertThat(((DecodeException) s).jsonPath()).isEqualTo(((DecodeException) t).jsonPath());
        assertThat(((DecodeException) s).byteOffset()).isEqualTo(((DecodeException) t).byteOffset());
        return (DecodeException) t;
    }

    private static String page(String runs) {
        return "{\"object\":\"list\",\"data\":[" + runs + "],\"first_id\":null,\"last_id\":null,\"has_more\":false}";
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "``                                  | $      | 0  | the body is empty",
        "`   `                               | $      | 3  | the body is empty",
        "null                                | $      | 0  | expected an object but found null",
        "[]                                  | $      | 0  | expected an object but found an array",
        "`\"list\"`                          | $      | 0  | expected an object but found a string",
        "`{\"data\": 5}`                     | $.data | 9  | expected an array but found an integer",
        "`{\"data\": []}`                    | $      | 11 | missing required field 'has_more'",
        "`{\"has_more\": false}`             | $      | 18 | missing required field 'data'",
        "`{\"data\": [], \"has_more\": null}`| $.has_more | 25 | expected a boolean but found null",
        "`{\"data\": [7], \"has_more\": true}` | $.data[0] | 10 | expected an object but found an integer",
        "`{\"data\": [], \"has_more\": false} x` | $  | 33 | malformed JSON",
        "`{\"data\": [], \"has_more\": false} {}` | $ | 32 | unexpected content after the end",
        "`{\"data\": [], \"has_more\": false]`  | $.has_more | 31 | malformed JSON",
        "`<html><body>502</body></html>`     | $      | 1  | malformed JSON",
    })
    void badPagesNameProblemPathAndOffset(String body, String path, long offset, String problem) {
        DecodeException e = pageError(body);
        assertThat(e.jsonPath()).isEqualTo(path);
        assertThat(e.byteOffset()).isEqualTo(offset);
        assertThat(e.getMessage()).contains(problem).contains(path).contains("byte offset " + offset);
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"created_at\":\"x\"`           | $.data[1].created_at | expected an integer but found a string",
        "`\"created_at\":1.5`             | $.data[1].created_at | expected an integer but found a decimal number",
        "`\"expires_at\":99999999999999999999` | $.data[1].expires_at | out of range",
        "`\"started_at\":9223372036854775807` | $.data[1].started_at | timestamp 9223372036854775807 is out of range",
        "`\"max_prompt_tokens\":3000000000` | $.data[1].max_prompt_tokens | out of range",
        "`\"temperature\":\"hot\"`        | $.data[1].temperature | expected a number but found a string",
        "`\"tool_choice\":5`              | $.data[1].tool_choice | expected a string or an object but found an integer",
        "`\"response_format\":[]`         | $.data[1].response_format | expected a string or an object but found an array",
        "`\"tools\":[{\"type\":\"function\",\"function\":{\"name\":7}}]` | $.data[1].tools[0].function.name | expected a string but found an integer",
        "`\"tools\":[{\"type\":\"code_interpreter\"},{\"type\":\"function\",\"function\":{\"name\":null}}]` | $.data[1].tools[1].function.name | expected a string but found null",
        "`\"tools\":[{\"type\":\"function\"}]` | $.data[1].tools[0] | missing required field 'function'",
        "`\"tools\":[{\"function\":{\"name\":1},\"type\":\"function\"}]` | $.data[1].tools[0].function.name | expected a string but found an integer",
        "`\"tools\":[{\"name\":\"x\"}]`   | $.data[1].tools[0] | missing required field 'type'",
        "`\"tools\":[{\"type\":3}]`       | $.data[1].tools[0].type | expected a string but found an integer",
        "`\"tools\":{}`                   | $.data[1].tools | expected an array but found an object",
        "`\"metadata\":{\"k\":1}`         | $.data[1].metadata.k | expected a string but found an integer",
        "`\"metadata\":{\"odd key\":[]}`  | $.data[1].metadata['odd key'] | expected a string but found an array",
        "`\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2}` | $.data[1].usage | missing required field 'total_tokens'",
        "`\"truncation_strategy\":{\"last_messages\":2}` | $.data[1].truncation_strategy | missing required field 'type'",
        "`\"response_format\":{\"type\":\"json_schema\",\"json_schema\":{}}` | $.data[1].response_format.json_schema | missing required field 'name'",
        "`\"response_format\":{\"type\":\"json_schema\"}` | $.data[1].response_format | missing required field 'json_schema'",
        "`\"required_action\":{\"submit_tool_outputs\":{\"tool_calls\":[{\"id\":1}]}}` | $.data[1].required_action.submit_tool_outputs.tool_calls[0].id | expected a string but found an integer",
        "`\"status\":null`                | $.data[1].status | expected a string but found null",
    })
    void wrongFieldsNameTheirPath(String fields, String path, String problem) {
        String body = page(RUN_HEAD + "}," + RUN_HEAD + "," + fields + "}");
        DecodeException e = pageError(body);
        assertThat(e.getMessage()).contains(problem);
        assertThat(e.jsonPath()).isEqualTo(path);
        assertThat(e.byteOffset()).isBetween((long) body.indexOf(fields) - 1, (long) body.length());
    }

    @ParameterizedTest(name = "missing {0}")
    @CsvSource({"id", "created_at", "thread_id", "assistant_id", "status", "model"})
    void missingRequiredRunFieldIsNamedAtTheRunsPath(String field) {
        String run = RUN_HEAD.replaceFirst("\"" + field + "\":[^,]*,?", "") + "}";
        String body = page(RUN_HEAD + "}," + RUN_HEAD + "}," + run.replace(",}", "}"));
        DecodeException e = pageError(body);
        assertThat(e.getMessage()).contains("missing required field '" + field + "'");
        assertThat(e.jsonPath()).isEqualTo("$.data[2]");
    }

    @Test
    void missingIdInASingleRunIsAtTheRoot() {
        Throwable t = catchThrowable(() -> json.readRun("{\"created_at\":1}".getBytes(StandardCharsets.UTF_8)));
        assertThat(t).isInstanceOf(DecodeException.class).hasMessageContaining("missing required field 'id' at $ ");
    }

    @Test
    void errorEnvelopeInsteadOfAPageQuotesItsMessage() {
        String body = "{\"error\":{\"message\":\"No thread found with id 'thread_x'.\",\"type\":\"invalid_request_error\","
                + "\"param\":null,\"code\":null}}";
        DecodeException e = pageError(body);
        assertThat(e.getMessage()).contains("error envelope").contains("No thread found with id 'thread_x'.");
        assertThat(e.jsonPath()).isEqualTo("$");
        Throwable r = catchThrowable(() -> json.readRun(body.getBytes(StandardCharsets.UTF_8)));
        assertThat(r).isInstanceOf(DecodeException.class).hasMessageContaining("error envelope");
    }

    @Test
    void tooDeepNestingInMetadataOrUnknownFieldIsADecodeException() {
        String deep = "[".repeat(500) + "]".repeat(500);
        DecodeException e = pageError(page(RUN_HEAD + ",\"future_field\":" + deep + "}"));
        assertThat(e.getMessage()).contains("malformed JSON").containsIgnoringCase("nesting");
        assertThat(e.jsonPath()).startsWith("$.data[0].future_field");
        assertThat(e.byteOffset()).isPositive();

        String deepObject = "{\"a\":".repeat(300) + "1" + "}".repeat(300);
        DecodeException m = pageError(page(RUN_HEAD + ",\"metadata\":" + deepObject + "}"));
        assertThat(m.jsonPath()).startsWith("$.data[0].metadata");
    }

    @Test
    void deepButAllowedNestingDecodes() {
        String deep = "[".repeat(150) + "]".repeat(150);
        String body = page(RUN_HEAD + ",\"future_field\":" + deep + "}");
        assertThat(json.readPage(body.getBytes(StandardCharsets.UTF_8)).data().get(0).additionalProperties())
                .containsKey("future_field");
    }

    @Test
    void everyTruncationIsADecodeExceptionAndNothingElse() {
        byte[] full = json.writePage(json.readPage(Fixtures.resource("spec-example-page.json")), true);
        byte[] everything = json.writePage(new dev.runlist.model.RunListResponse(
                java.util.List.of(Fixtures.everything()), "a", "b", true), false);
        for (byte[] valid : new byte[][] {full, everything, Fixtures.resource("reference-example-page.json")}) {
            for (int cut = 0; cut < valid.length - 1; cut += 37) {
                byte[] truncated = Arrays.copyOf(valid, cut);
                Throwable t = catchThrowable(() -> json.readPage(truncated));
                assertThat(t).as("cut at %d", cut).isInstanceOf(DecodeException.class);
                assertThat(((DecodeException) t).byteOffset()).as("cut at %d", cut).isBetween(0L, (long) cut);
                Throwable s = catchThrowable(() -> json.readPage(new ByteArrayInputStream(truncated)));
                assertThat(s).as("stream cut at %d", cut).isInstanceOf(DecodeException.class);
            }
        }
    }

    @Test
    void failingStreamIsADecodeExceptionSayingTheBodyCouldNotBeRead() {
        byte[] valid = Fixtures.resource("spec-example-page.json");
        InputStream failing = new InputStream() {
            private int read;

            @Override
            public int read() throws IOException {
                if (read >= 100) {
                    throw new IOException("connection reset");
                }
                return valid[read++];
            }
        };
        assertThatThrownBy(() -> json.readPage(failing))
                .isInstanceOf(DecodeException.class)
                .hasMessageContaining("could not be read")
                .hasMessageContaining("connection reset")
                .hasCauseInstanceOf(IOException.class);
    }

    @Test
    void tooLongStringIsADecodeException() {
        String huge = "x".repeat(RunsJson.MAX_STRING_LENGTH + 1);
        DecodeException e = pageError(page(RUN_HEAD + ",\"instructions\":\"" + huge + "\"}"));
        assertThat(e.jsonPath()).isEqualTo("$.data[0].instructions");
    }

    @Test
    void tooLongNumberIsADecodeException() {
        String huge = "1".repeat(RunsJson.MAX_NUMBER_LENGTH + 1);
        DecodeException e = pageError(page(RUN_HEAD + ",\"x\":" + huge + "}"));
        assertThat(e.jsonPath()).isEqualTo("$.data[0].x");
    }
}
