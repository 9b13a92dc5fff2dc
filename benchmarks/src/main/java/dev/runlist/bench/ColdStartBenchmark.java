package dev.runlist.bench;

import com.openai.core.ObjectMappers;
import com.openai.models.beta.threads.runs.RunListPageResponse;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The first decode of a 20-run page in a fresh JVM, class loading and initialisation included:
 * runlist against the official SDK. The page is read as plain bytes from a resource, so that no class
 * of either decoder is loaded before the measured call.
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(10)
@Warmup(iterations = 0)
@Measurement(iterations = 1)
@State(Scope.Benchmark)
public class ColdStartBenchmark {

    /** The resource holding {@code Fixtures.pageBytes(20)}; the smoke test checks they are equal. */
    public static final String PAGE_RESOURCE = "/dev/runlist/bench/page-20.json";

    private byte[] bytes;

    @Setup
    public void setUp() {
        bytes = page();
    }

    /** The 20-run page, read without touching any JSON class. */
    public static byte[] page() {
        try (InputStream in = ColdStartBenchmark.class.getResourceAsStream(PAGE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(PAGE_RESOURCE + " is missing");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Benchmark
    public int runlist() {
        int sum = 0;
        for (Run run : RunsJson.standard().readPage(new ByteArrayInputStream(bytes)).data()) {
            sum += run.id().hashCode() + run.status().value().hashCode();
        }
        return sum;
    }

    @Benchmark
    public int officialSdk() throws IOException {
        RunListPageResponse page = ObjectMappers.jsonMapper()
                .readValue(new ByteArrayInputStream(bytes), RunListPageResponse.class);
        int sum = 0;
        for (com.openai.models.beta.threads.runs.Run run : page.data()) {
            sum += run.id().hashCode() + run.status().toString().hashCode();
        }
        return sum;
    }
}
