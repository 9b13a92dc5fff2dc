package dev.runlist.json;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.model.ErrorObject;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The API's error envelope: read leniently (never throws), written as the API writes it. */
class ErrorEnvelopeTest {

    private static final String ENVELOPE = "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\","
            + "\"param\":null,\"code\":\"rate_limit_exceeded\"}}";

    private final RunsJson json = RunsJson.standard();

    private Optional<ErrorObject> read(String body) {
        return json.readError(body.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsTheEnvelope() {
        assertThat(read(ENVELOPE)).contains(
                new ErrorObject("Rate limit reached", "requests", null, "rate_limit_exceeded"));
    }

    @Test
    void readsAnEnvelopeWithExtraAndMissingMembers() {
        assertThat(read("{\"error\":{\"message\":\"m\",\"new\":{\"x\":[1]}},\"request\":\"r\"}"))
                .contains(new ErrorObject("m", null, null, null));
    }

    @Test
    void readsAzureEnvelopesWhoseCodeIsAStringOrANumberAndTheGatewaysBareMessage() {
        assertThat(read("{\"error\":{\"code\":\"DeploymentNotFound\",\"message\":\"The API deployment for this"
                + " resource does not exist.\"}}"))
                .contains(new ErrorObject("The API deployment for this resource does not exist.", null, null,
                        "DeploymentNotFound"));
        assertThat(read("{\"error\":{\"code\":\"404\",\"message\":\"Resource not found\"}}"))
                .contains(new ErrorObject("Resource not found", null, null, "404"));
        assertThat(read("{\"error\":{\"code\":429,\"message\":\"Rate limit\"}}"))
                .contains(new ErrorObject("Rate limit", null, null, "429"));
        assertThat(read("{ \"statusCode\": 401, \"message\": \"Unauthorized. Access token is missing, invalid,"
                + " audience is incorrect (https://cognitiveservices.azure.com), or have expired.\" }"))
                .contains(new ErrorObject("Unauthorized. Access token is missing, invalid, audience is incorrect"
                        + " (https://cognitiveservices.azure.com), or have expired.", null, null, null));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "",
        "   ",
        "<html><head><title>502 Bad Gateway</title></head></html>",
        "{\"error\":{\"message\":\"cut",
        "{\"error\":{\"message\":\"m\"}",
        "{\"error\":\"just a string\"}",
        "{\"error\":{\"message\":5}}",
        "{\"error\":{\"message\":\"m\",\"code\":{}}}",
        "{\"object\":\"list\",\"data\":[],\"has_more\":false}",
        "[]",
        "null",
        "{\"error\":{\"message\":\"m\"}} trailing",
    })
    void anythingElseIsEmpty(String body) {
        assertThat(read(body)).isEmpty();
    }

    @Test
    void nullBodyIsEmpty() {
        assertThat(json.readError(null)).isEmpty();
    }

    @Test
    void everyTruncationOfAnEnvelopeIsEmpty() {
        byte[] full = ENVELOPE.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut < full.length; cut++) {
            assertThat(json.readError(Arrays.copyOf(full, cut))).as("cut at %d", cut).isEmpty();
        }
    }

    @Test
    void writesTheEnvelopeWithNullParamAndCode() {
        ErrorObject error = new ErrorObject("No thread found", "invalid_request_error", null, null);
        assertThat(new String(json.writeError(error), StandardCharsets.UTF_8)).isEqualTo(
                "{\"error\":{\"message\":\"No thread found\",\"type\":\"invalid_request_error\",\"param\":null,"
                        + "\"code\":null}}");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        json.writeError(error, out);
        assertThat(json.readError(out.toByteArray())).contains(error);
    }
}
