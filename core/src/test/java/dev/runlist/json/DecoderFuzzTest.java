package dev.runlist.json;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.runlist.errors.DecodeException;
import dev.runlist.model.RunListResponse;
import java.io.ByteArrayInputStream;

/**
 * Fuzzes the decoders with Jazzer. Under plain {@code mvn verify} each target replays its seed
 * corpus ({@code src/test/resources/dev/runlist/json/DecoderFuzzTestInputs/}); with
 * {@code JAZZER_FUZZ=1} (the CI profile) each is fuzzed for at most a minute. The property: hostile
 * bytes give a {@link DecodeException} or a value, never any other throwable, a hang or unbounded memory.
 */
class DecoderFuzzTest {

    private static final RunsJson JSON = RunsJson.standard();

    /** A page body: decodes, or fails with DecodeException naming a path and an offset within the body. */
    @FuzzTest(maxDuration = "60s")
    void pageDecoder(byte[] body) {
        try {
            RunListResponse page = JSON.readPage(new ByteArrayInputStream(body));
            // What decodes must survive a round trip through the encoder unchanged.
            assertThat(JSON.readPage(JSON.writePage(page, false))).isEqualTo(page);
        } catch (DecodeException e) {
            assertThat(e.jsonPath()).startsWith("$");
            assertThat(e.byteOffset()).isBetween(-1L, (long) body.length);
        }
    }

    /** An error body: the envelope parser never throws, whatever it is given. */
    @FuzzTest(maxDuration = "60s")
    void errorBodyParser(byte[] body) {
        JSON.readError(body).ifPresent(error -> assertThat(JSON.readError(JSON.writeError(error))).contains(error));
    }
}
