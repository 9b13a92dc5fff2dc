package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.ListRunsParams;
import dev.runlist.Order;
import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Pages through threads of many sizes with many limits, both orders, forward and backward, through
 * {@link RunsClient} in memory and over HTTP: every run exactly once, in order, in the fewest requests.
 */
class PagingPropertyTest {

    private static final int[] SIZES = {0, 1, 2, 19, 20, 21, 99, 100, 101, 257, 1000};
    private static final int[] LIMITS = {1, 2, 7, 20, 99, 100};

    private static FakeRunsApi fake;
    private static RunsClient memory;
    private static RunsClient http;

    @BeforeAll
    static void seed() {
        fake = FakeRunsApi.builder()
                .clock(Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC))
                .build();
        for (int n : SIZES) {
            fake.seedThread("thread_" + n, n, n);
            fake.seedThread("thread_sentinel_" + n, n + 1, 1000L + n);
        }
        memory = fake.client();
        http = RunsClient.builder()
                .apiKey(FakeRunsApi.DEFAULT_API_KEY)
                .baseUrl(fake.startHttp())
                .transport(new HttpClientTransport())
                .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(10))
                .build();
    }

    @AfterAll
    static void close() {
        http.close();
        fake.close();
    }

    static Stream<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (String mode : List.of("memory", "http")) {
            for (int n : SIZES) {
                for (int limit : LIMITS) {
                    if (mode.equals("http") && n == 1000 && limit <= 2) {
                        continue; // covered in memory; keeps the run short
                    }
                    for (Order order : Order.values()) {
                        cases.add(Arguments.of(mode, n, limit, order));
                    }
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} N={1} limit={2} {3} forward")
    @MethodSource("cases")
    void forwardListingSeesEveryRunOnceInOrderInTheFewestRequests(String mode, int n, int limit, Order order) {
        List<Run> expected = inOrder(fake.runs("thread_" + n), order);
        fake.clearJournal();

        List<String> seen = client(mode).listAll("thread_" + n, ListRunsParams.builder().limit(limit).order(order).build())
                .stream().map(Run::id).collect(Collectors.toList());

        assertThat(seen).containsExactlyElementsOf(ids(expected));
        assertThat(fake.requestCount()).isEqualTo(fewestRequests(n, limit));
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.queryParam("before")).isEmpty());
    }

    @ParameterizedTest(name = "{0} N={1} limit={2} {3} backward")
    @MethodSource("cases")
    void backwardListingFromTheFarEndSeesEveryRunOnceNearestFirst(String mode, int n, int limit, Order order) {
        String thread = "thread_sentinel_" + n;
        List<Run> view = inOrder(fake.runs(thread), order);
        Run sentinel = view.get(view.size() - 1);
        List<Run> expected = new ArrayList<>(view.subList(0, view.size() - 1));
        Collections.reverse(expected); // the pager delivers the runs nearest the cursor first
        fake.clearJournal();

        List<String> seen = client(mode).listAll(thread,
                        ListRunsParams.builder().limit(limit).order(order).before(sentinel.id()).build())
                .stream().map(Run::id).collect(Collectors.toList());

        assertThat(seen).containsExactlyElementsOf(ids(expected));
        assertThat(fake.requestCount()).isEqualTo(fewestRequests(n, limit));
        assertThat(fake.requests()).allSatisfy(r -> assertThat(r.queryParam("after")).isEmpty());
    }

    private static RunsClient client(String mode) {
        return mode.equals("http") ? http : memory;
    }

    private static int fewestRequests(int n, int limit) {
        return n == 0 ? 1 : (n + limit - 1) / limit;
    }

    private static List<Run> inOrder(List<Run> ascending, Order order) {
        List<Run> view = new ArrayList<>(ascending);
        if (order == Order.DESC) {
            Collections.reverse(view);
        }
        return view;
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::id).collect(Collectors.toList());
    }
}
