package dev.runlist.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/** Runs every benchmark method once, in this JVM, so that a broken benchmark fails the build in seconds. */
class BenchmarkSmokeTest {

    /** Every benchmark method of the decode and pagination benchmarks gives a result. */
    @Test
    void everyBenchmarkRunsOnce() throws RunnerException {
        Collection<RunResult> results = new Runner(once()
                .include(DecodeBenchmark.class.getName() + "\\.")
                .include(PaginationBenchmark.class.getName() + "\\.")
                // 5 pages instead of 100: the listing code is the same, the test stays fast on a busy machine.
                .param("listingRuns", "500")
                .measurementTime(TimeValue.milliseconds(100))
                .build()).run();

        assertThat(names(results)).containsAll(benchmarkMethods(DecodeBenchmark.class, PaginationBenchmark.class));
        assertThat(results).hasSize(Fixtures.PAGES.size() * benchmarkMethods(DecodeBenchmark.class).size()
                + benchmarkMethods(PaginationBenchmark.class).size());
        assertThat(results).allSatisfy(r -> assertThat(r.getPrimaryResult().getScore()).isPositive());
    }

    /** The cold-start benchmarks run as single shots. */
    @Test
    void coldStartRunsOnce() throws RunnerException {
        Collection<RunResult> results = new Runner(once()
                .include(ColdStartBenchmark.class.getName() + "\\.")
                .build()).run();

        assertThat(names(results)).containsExactlyInAnyOrderElementsOf(benchmarkMethods(ColdStartBenchmark.class));
    }

    /** The cold-start page resource is the 20-run fixture, byte for byte. */
    @Test
    void coldStartPageIsTheFixture() {
        assertThat(ColdStartBenchmark.page()).isEqualTo(Fixtures.pageBytes(20));
    }

    /** The Latin-1 page holds the 100-run page's runs, with instructions in ISO-8859-1 only. */
    @Test
    void latin1PageIsTheHundredRunPageInLatin1() {
        RunsJson json = RunsJson.standard();
        List<Run> mixed = json.readPage(Fixtures.pageBytes(100)).data();
        List<Run> latin1 = json.readPage(Fixtures.pageBytes(Fixtures.LATIN1_PAGE)).data();

        assertThat(latin1).hasSameSizeAs(mixed);
        assertThat(mixed).anySatisfy(r -> assertThat(r.instructions()).matches("(?s).*[^\\x00-\\xFF].*"));
        for (int i = 0; i < mixed.size(); i++) {
            Run expected = mixed.get(i);
            Run actual = latin1.get(i);
            assertThat(actual.toBuilder().instructions(expected.instructions()).build()).isEqualTo(expected);
            if (actual.instructions() != null) {
                assertThat(actual.instructions()).matches("(?s)[\\x00-\\xFF]*");
            }
        }
    }

    /** Decoding valid pages creates no throwable, not even one caught inside the decoder. */
    @Test
    void decodingValidPagesThrowsNothing() {
        byte[][] pages = Fixtures.PAGES.stream().map(Fixtures::pageBytes).toArray(byte[][]::new);
        assertThat(ExceptionCheck.throwablesWhileDecoding(2, pages)).isZero();
    }

    private static ChainedOptionsBuilder once() {
        // JMH refuses to start while another JMH holds its machine-wide lock (/tmp/jmh.lock): a benchmark
        // run or another checkout's build on the same machine would fail this test. Nothing is measured
        // here, so the lock does not matter.
        System.setProperty("jmh.ignoreLock", "true");
        return new OptionsBuilder()
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .shouldFailOnError(true);
    }

    private static Set<String> names(Collection<RunResult> results) {
        Set<String> names = new TreeSet<>();
        for (RunResult r : results) {
            String benchmark = r.getParams().getBenchmark();
            names.add(benchmark.substring(benchmark.lastIndexOf('.', benchmark.lastIndexOf('.') - 1) + 1));
        }
        return names;
    }

    private static List<String> benchmarkMethods(Class<?>... classes) {
        List<String> names = new ArrayList<>();
        for (Class<?> c : classes) {
            for (Method m : c.getDeclaredMethods()) {
                if (m.isAnnotationPresent(Benchmark.class)) {
                    names.add(c.getSimpleName() + "." + m.getName());
                }
            }
        }
        return names;
    }
}
