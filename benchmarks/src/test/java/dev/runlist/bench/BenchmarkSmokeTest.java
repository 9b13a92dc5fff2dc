package dev.runlist.bench;

import static org.assertj.core.api.Assertions.assertThat;

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
                .measurementTime(TimeValue.milliseconds(100))
                .build()).run();

        assertThat(names(results)).containsAll(benchmarkMethods(DecodeBenchmark.class, PaginationBenchmark.class));
        assertThat(results).hasSize(3 * benchmarkMethods(DecodeBenchmark.class).size()
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

    /** Decoding valid pages creates no throwable, not even one caught inside the decoder. */
    @Test
    void decodingValidPagesThrowsNothing() {
        assertThat(ExceptionCheck.throwablesWhileDecoding(2, Fixtures.pageBytes(1), Fixtures.pageBytes(20),
                Fixtures.pageBytes(100))).isZero();
    }

    private static ChainedOptionsBuilder once() {
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
