package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.ListRunsParams;
import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import dev.runlist.testing.FakeRunsApi;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code serve-fake --runs N} in a 64 MB heap serves a thread of N runs generated on demand, and a
 * full listing through it completes: every run once, newest first, every timestamp of every run in
 * the past.
 * The build lists 100,000 runs; a million is the same test with {@code -Drunlist.hugeThreadRuns=1000000}
 * ({@code mvn -B -ntp -pl cli -am verify -Dtest=ServeFakeHugeThreadTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Drunlist.hugeThreadRuns=1000000}), which takes minutes on a busy 2-core machine. It prints the time,
 * the requests and the peak heap of the server.
 */
class ServeFakeHugeThreadTest {

    private static final int RUNS = Integer.getInteger("runlist.hugeThreadRuns", 100_000);
    private static final Pattern HEAP = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @TempDir
    Path dir;

    @Test
    void aFullListingOfAHugeThreadCompletesAgainstA64MbServer() throws Exception {
        Path gcLog = dir.resolve("serve-fake-gc.log");
        try (ServeFakeProcess server = new ServeFakeProcess(List.of("-Xmx64m", "-Xlog:gc:file=" + gcLog),
                "--runs", Integer.toString(RUNS), "--thread", "thread_huge");
                RunsClient client = RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY)
                        .baseUrl(server.baseUrl()).timeout(Duration.ofMinutes(2)).build()) {
            assertThat(server.banner()).contains("thread:   thread_huge (" + RUNS + " runs)");
            long start = System.nanoTime();
            Instant now = Instant.now();
            int requests = 0;
            long runs = 0;
            Run previous = null;
            Optional<ListRunsParams> next = Optional.of(ListRunsParams.builder().limit(100).build());
            while (next.isPresent()) {
                RunPage page = client.list("thread_huge", next.get());
                requests++;
                for (Run run : page.data()) {
                    if (previous != null) {
                        int order = run.createdAt().compareTo(previous.createdAt());
                        assertThat(order < 0 || order == 0 && run.id().compareTo(previous.id()) < 0)
                                .as("%s comes after %s, newest first", run.id(), previous.id()).isTrue();
                    }
                    for (Instant t : new Instant[] {run.createdAt(), run.startedAt(), run.completedAt(),
                            run.failedAt(), run.cancelledAt(), run.expiresAt()}) {
                        assertThat(t == null || t.isBefore(now)).as("%s of %s is in the past", t, run.id()).isTrue();
                    }
                    previous = run;
                    runs++;
                }
                next = page.nextPageParams();
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertThat(runs).isEqualTo(RUNS);
            assertThat(requests).isEqualTo((RUNS + 99) / 100);
            assertThat(server.isAlive()).as("the 64 MB server is still up").isTrue();
            int[] heap = peakHeap(gcLog);
            assertThat(heap[2]).as("the heap never grew past -Xmx64m").isLessThanOrEqualTo(64);
            System.out.printf("serve-fake --runs %d under -Xmx64m: %d runs listed in %d requests in %.1f s;"
                    + " heap before GC at most %d MB, after GC at most %d MB (of %d MB)%n",
                    RUNS, runs, requests, took.toMillis() / 1000.0, heap[0], heap[1], heap[2]);
        }
    }

    /** The largest heap before a collection, after one, and the largest committed, from a -Xlog:gc file. */
    private static int[] peakHeap(Path gcLog) throws Exception {
        int[] peak = new int[3];
        Matcher m = HEAP.matcher(Files.readString(gcLog));
        while (m.find()) {
            for (int i = 0; i < 3; i++) {
                peak[i] = Math.max(peak[i], Integer.parseInt(m.group(i + 1)));
            }
        }
        return peak;
    }
}
