package dev.runlist.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.openai.core.ObjectMappers;
import com.openai.models.beta.threads.runs.RunListPageResponse;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Decoding one page of 1, 20 or 100 realistic runs (and the 100 runs with Latin-1 instructions) from the
 * same pretty-printed bytes: runlist against
 * a bare jackson-core token scan (the floor of any decoder on jackson-core), a jackson-databind tree
 * parse, and the official SDK's own mapper and page class. Each reader gets a fresh
 * {@link ByteArrayInputStream} over the same array; every decoder but the token scan touches each run's
 * id and status. Throughput is the inverse of the average time; run with {@code -prof gc} for bytes/op.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
// Two forks of ten 1 s iterations: the shared machine's speed drifts by up to 2x over minutes, so a
// ratio should not rest on one stretch of time per benchmark.
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 10, time = 1)
@State(Scope.Benchmark)
public class DecodeBenchmark {

    /** The page: 1, 20 or 100 runs, or the 100-run page with Latin-1 instructions (see {@link Fixtures#PAGES}). */
    @Param({"1", "20", "100", Fixtures.LATIN1_PAGE})
    public String page;

    private byte[] bytes;
    private RunsJson runsJson;
    private JsonFactory jsonFactory;
    private ObjectMapper objectMapper;
    private JsonMapper sdkMapper;

    @Setup
    public void setUp() {
        bytes = Fixtures.pageBytes(page);
        runsJson = RunsJson.standard();
        jsonFactory = new JsonFactory();
        objectMapper = new ObjectMapper();
        sdkMapper = ObjectMappers.jsonMapper();
    }

    /** runlist's streaming decoder into its typed model. */
    @Benchmark
    public int runlist() {
        RunListResponse decoded = runsJson.readPage(new ByteArrayInputStream(bytes));
        int sum = 0;
        for (Run run : decoded.data()) {
            sum += run.id().hashCode() + run.status().value().hashCode();
        }
        return sum;
    }

    /** Floor: every token of the document read by jackson-core, and nothing else. */
    @Benchmark
    public int tokenScan() throws IOException {
        int tokens = 0;
        try (JsonParser p = jsonFactory.createParser(new ByteArrayInputStream(bytes))) {
            while (p.nextToken() != null) {
                tokens++;
            }
        }
        return tokens;
    }

    /**
     * The token scan that also materialises every string and field name as a {@code String}: not a
     * target baseline, but the floor for any decoder that hands the caller strings (the plain scan
     * never decodes string contents).
     */
    @Benchmark
    public int tokenScanWithStrings() throws IOException {
        int sum = 0;
        try (JsonParser p = jsonFactory.createParser(new ByteArrayInputStream(bytes))) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                if (t == JsonToken.VALUE_STRING || t == JsonToken.FIELD_NAME) {
                    sum += p.getText().length();
                }
            }
        }
        return sum;
    }

    /** jackson-databind's generic tree. */
    @Benchmark
    public int databindTree() throws IOException {
        JsonNode decoded = objectMapper.readTree(new ByteArrayInputStream(bytes));
        int sum = 0;
        for (JsonNode run : decoded.get("data")) {
            sum += run.get("id").asText().hashCode() + run.get("status").asText().hashCode();
        }
        return sum;
    }

    /** The official SDK's mapper into its page response class. */
    @Benchmark
    @Fork(1)
    @Warmup(iterations = 8, time = 2) // its decoder needs about 14 s to reach steady state
    @Measurement(iterations = 5, time = 2)
    public int officialSdk() throws IOException {
        RunListPageResponse decoded = sdkMapper.readValue(new ByteArrayInputStream(bytes), RunListPageResponse.class);
        int sum = 0;
        for (com.openai.models.beta.threads.runs.Run run : decoded.data()) {
            sum += run.id().hashCode() + run.status().toString().hashCode();
        }
        return sum;
    }

    /** The size of the decoded document, for bytes allocated per input byte. */
    public int inputLength() {
        return bytes.length;
    }
}
