package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.PaginationException;
import dev.runlist.errors.RunlistException;
import dev.runlist.model.Run;
import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

import org.junit.jupiter.api.Test;

/**
 * The checks every page passes before its runs are delivered, in every form of a listing (pages,
 * RunPager, Stream, Publisher), the bounded memory of the loop guards, and failed listings staying
 * failed. In memory; the same hostile pages over both HTTP transports are in FaultTolerantListingSuite.
 */
class PageChecksTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RunsClient client = RunsClient.builder().apiKey("sk-x").transport(transport).maxRetries(0)
            .retryBackoff(Duration.ofMillis(1), Duration.ofMillis(2)).build();

    private static final ListRunsParams LIMIT_2 = ListRunsParams.builder().limit(2).build();

    /** One way of consuming a listing: returns the runs delivered and the exception that ended it (or null). */
    private interface Form {
        Throwable consume(RunsClient client, ListRunsParams params, List<String> delivered) throws Exception;
    }

    private static final List<Form> FORMS = List.of(
            (c, p, out) -> catching(() -> c.listAll("t", p).forEach(r -> out.add(r.id()))),
            (c, p, out) -> catching(() -> c.stream("t", p).forEach(r -> out.add(r.id()))),
            (c, p, out) -> catching(() -> c.listAll("t", p).pages().forEach(page -> page.data().forEach(r -> out.add(r.id())))),
            PageChecksTest::viaPublisher);

    private static final List<String> FORM_NAMES = List.of("Iterable", "Stream", "pages()", "Publisher");

    /**
     * Scripts {@code first} (a good page of run_1, run_2) then {@code bad}, and checks every form ends with a
     * PaginationException naming {@code problem}, after delivering only the good page, resuming after run_2.
     */
    private void checkRefusedInEveryForm(String bad, String problem) throws Exception {
        for (int f = 0; f < FORMS.size(); f++) {
            transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, bad);
            List<String> delivered = new CopyOnWriteArrayList<>();
            Throwable thrown = FORMS.get(f).consume(client, LIMIT_2, delivered);
            assertThat(thrown).as(FORM_NAMES.get(f)).isInstanceOf(PaginationException.class).hasMessageContaining(problem)
                    .hasMessageContaining("none of its runs was delivered");
            assertThat(((RunlistException) thrown).resumeParams()).as(FORM_NAMES.get(f)).contains(LIMIT_2.withAfter("run_2"));
            assertThat(delivered).as(FORM_NAMES.get(f)).containsExactly("run_1", "run_2");
            assertThat(transport.remaining()).isZero();
        }
    }

    @Test
    void hasMoreWithABlankOrNullLastIdIsAPaginationExceptionInEveryForm() throws Exception {
        String blank = Pages.pageWithIds(List.of(Pages.run("run_3")), "\"run_3\"", "\"\"", true);
        checkRefusedInEveryForm(blank, "last_id is '' but the last run is 'run_3'");
        String empty = Pages.pageWithIds(List.of(), "\"\"", "\"\"", true);
        checkRefusedInEveryForm(empty, "claims has_more but holds no runs");
        String nullIds = Pages.pageWithIds(List.of(), "null", "null", true);
        checkRefusedInEveryForm(nullIds, "claims has_more but holds no runs");
    }

    @Test
    void lastIdOrFirstIdThatIsNotTheRunAtThatEndIsRefused() throws Exception {
        String wrongLast = Pages.pageWithIds(List.of(Pages.run("run_3"), Pages.run("run_4")), "\"run_3\"", "\"run_9\"", true);
        checkRefusedInEveryForm(wrongLast, "last_id is 'run_9' but the last run is 'run_4'");
        String wrongFirst = Pages.pageWithIds(List.of(Pages.run("run_3"), Pages.run("run_4")), "\"run_0\"", "\"run_4\"", false);
        checkRefusedInEveryForm(wrongFirst, "first_id is 'run_0' but the first run is 'run_3'");
        String missingLast = Pages.pageWithIds(List.of(Pages.run("run_3")), "\"run_3\"", "null", false);
        checkRefusedInEveryForm(missingLast, "last_id is null but the last run is 'run_3'");
    }

    @Test
    void moreRunsThanTheLimitIsRefused() throws Exception {
        checkRefusedInEveryForm(Pages.page(false, "run_3", "run_4", "run_5"), "more than 2 runs, the limit asked for");
    }

    @Test
    void aRunOfThePreviousPageIsRefused() throws Exception {
        checkRefusedInEveryForm(Pages.page(false, "run_2", "run_3"), "run 'run_2' was already in the previous page");
        checkRefusedInEveryForm(Pages.page(false, "run_3", "run_3"), "run 'run_3' appears twice in the page");
    }

    @Test
    void runsOutOfCreatedAtOrderAreRefused() throws Exception {
        // Newest first (desc): a run newer than the last one delivered cannot follow it.
        String newer = Pages.pageWithIds(List.of(Pages.run("run_3", 1699075999L)), "\"run_3\"", "\"run_3\"", false);
        checkRefusedInEveryForm(newer, "in a listing ordered by created_at descending");
    }

    @Test
    void runsSharingASecondMayComeInAnyIdOrderAndRunsCreatedMeanwhileAreListed() {
        // Ascending, the second page holding ties in "wrong" id order and a run created while listing.
        ListRunsParams asc = ListRunsParams.builder().limit(3).order(Order.ASC).build();
        transport.respond(200, Pages.pageWithIds(List.of(Pages.run("run_b", 10), Pages.run("run_a", 10), Pages.run("run_c", 11)),
                        "\"run_b\"", "\"run_c\"", true))
                .respond(200, Pages.pageWithIds(List.of(Pages.run("run_z", 11), Pages.run("run_d", 11), Pages.run("run_new", 99)),
                        "\"run_z\"", "\"run_new\"", false));
        assertThat(client.stream("t", asc).map(Run::id)).containsExactly("run_b", "run_a", "run_c", "run_z", "run_d", "run_new");
    }

    @Test
    void pagesCyclingThroughRunsAlreadyDeliveredAreCaughtBeforeAnyRepeat() {
        // A, B, A again: every page well formed, no repeat of the previous page, same second throughout.
        transport.respond(200, Pages.page(true, "run_1", "run_2"))
                .respond(200, Pages.page(true, "run_3", "run_4"))
                .respond(200, Pages.page(true, "run_1", "run_2"));
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> client.listAll("t", LIMIT_2).forEach(r -> seen.add(r.id())))
                .isInstanceOf(PaginationException.class).hasMessageContaining("'run_1' was already delivered");
        assertThat(seen).containsExactly("run_1", "run_2", "run_3", "run_4");
        assertThat(transport.requests()).hasSize(3);
    }

    @Test
    void aServerOfFreshCursorsForTheSameRunsIsStoppedOnItsFirstPage() {
        // The same runs each time, with a new last_id: refused at once, nothing delivered.
        for (int i = 0; i < 3; i++) {
            transport.respond(200, Pages.pageWithIds(List.of(Pages.run("run_1"), Pages.run("run_2")), "\"run_1\"",
                    "\"cursor_" + i + "\"", true));
        }
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> client.listAll("t", LIMIT_2).forEach(r -> seen.add(r.id())))
                .isInstanceOf(PaginationException.class);
        assertThat(seen).isEmpty();
        assertThat(transport.requests()).hasSize(1);
    }

    /**
     * 10,000 pages whose run ids (the cursors) are 4 KB each: remembering every cursor would hold over 36 MB
     * more by the last page; the guards hold the live heap flat (growth from page 1,000 on stays under 8 MB).
     */
    @Test
    void loopGuardsKeepMemoryFlatOverManyPagesOfLongCursors() {
        String pad = "x".repeat(4096);
        int pages = 10_000;
        long[] heapAt = new long[2];
        GeneratedPages generated = new GeneratedPages(n -> {
            if (n == 1_000) {
                heapAt[0] = liveHeap();
            }
            if (n == pages - 1) {
                heapAt[1] = liveHeap();
            }
            String id = "run_" + n + "_" + pad;
            return Pages.pageWithIds(List.of(Pages.run(id, 2_000_000_000L - n)), "\"" + id + "\"", "\"" + id + "\"",
                    n < pages - 1);
        });
        RunsClient c = RunsClient.builder().apiKey("sk-x").transport(generated).maxRetries(0).build();
        long count = c.stream("t", ListRunsParams.builder().limit(1).build()).count();
        assertThat(count).isEqualTo(pages);
        long growth = heapAt[1] - heapAt[0];
        System.out.println("loop guards: " + pages + " pages of 4 KB cursors, live heap grew " + growth / 1024 + " KiB"
                + " from page 1,000 to page " + pages);
        assertThat(growth).as("live heap growth, bytes").isLessThan(8L * 1024 * 1024);
    }

    /** A server sending more runs of one second than the guard remembers ends the listing rather than risk a repeat. */
    @Test
    void tooManyRunsInOneSecondEndTheListingWithAClearException() {
        int perPage = 100;
        GeneratedPages generated = new GeneratedPages(n -> {
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < perPage; i++) {
                runs.add(Pages.run("run_" + n + "_" + i, 1_700_000_000L));
            }
            return Pages.pageWithIds(runs, "\"run_" + n + "_0\"", "\"run_" + n + "_" + (perPage - 1) + "\"", true);
        });
        RunsClient c = RunsClient.builder().apiKey("sk-x").transport(generated).maxRetries(0).build();
        AtomicLong delivered = new AtomicLong();
        assertThatThrownBy(() -> c.listAll("t", ListRunsParams.builder().limit(perPage).build()).forEach(r -> delivered.incrementAndGet()))
                .isInstanceOf(PaginationException.class)
                .hasMessageContaining("more than " + CursorTrail.MAX_RUNS_PER_SECOND + " runs share created_at 1700000000");
        assertThat(delivered.get()).isEqualTo(CursorTrail.MAX_RUNS_PER_SECOND);
        assertThat(generated.requests.get()).isEqualTo(CursorTrail.MAX_RUNS_PER_SECOND / perPage + 1);
    }

    @Test
    void aFailedListingStaysFailedInEveryForm() {
        // RunPager: hasNext() and next() keep throwing the same exception.
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(502, "bad gateway");
        RunPager pager = client.listAll("t", LIMIT_2).iterator();
        assertThat(pager.next().id()).isEqualTo("run_1");
        assertThat(pager.next().id()).isEqualTo("run_2");
        Throwable first = catching(pager::hasNext);
        assertThat(first).isInstanceOf(InternalServerException.class);
        assertThat(((RunlistException) first).resumeParams()).contains(LIMIT_2.withAfter("run_2"));
        for (int i = 0; i < 3; i++) {
            assertThat(catching(pager::hasNext)).isSameAs(first);
            assertThat(catching(pager::next)).isSameAs(first);
        }
        assertThat(pager.resumeParams()).isEqualTo(LIMIT_2.withAfter("run_2"));

        // Stream: every later tryAdvance throws the same exception.
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(502, "bad gateway");
        Spliterator<Run> split = client.stream("t", LIMIT_2).spliterator();
        List<String> seen = new ArrayList<>();
        Throwable streamFailure = catching(() -> {
            while (split.tryAdvance(r -> seen.add(r.id()))) {
                // consume
            }
        });
        assertThat(streamFailure).isInstanceOf(InternalServerException.class);
        assertThat(catching(() -> split.tryAdvance(r -> seen.add(r.id())))).isSameAs(streamFailure);
        assertThat(seen).containsExactly("run_1", "run_2");

        // pages(): same.
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(true));
        Iterator<RunPage> pages = client.listAll("t", LIMIT_2).pages().iterator();
        assertThat(pages.next().data()).hasSize(2);
        assertThat(pages.hasNext()).isTrue();
        Throwable pageFailure = catching(pages::next);
        assertThat(pageFailure).isInstanceOf(PaginationException.class);
        assertThat(catching(pages::next)).isSameAs(pageFailure);
        assertThat(catching(pages::hasNext)).isSameAs(pageFailure);
        assertThat(transport.remaining()).isZero();
    }

    @Test
    void backwardListingsAreCheckedInTheirDirection() throws Exception {
        // Walking back from run_9 in ascending order: pages come ascending, delivered nearest first.
        ListRunsParams back = ListRunsParams.builder().order(Order.ASC).limit(2).before("run_9").build();
        transport.respond(200, Pages.pageWithIds(List.of(Pages.run("run_7", 7), Pages.run("run_8", 8)), "\"run_7\"", "\"run_8\"", true))
                .respond(200, Pages.pageWithIds(List.of(Pages.run("run_5", 5), Pages.run("run_6", 6)), "\"run_5\"", "\"run_6\"", true))
                .respond(200, Pages.pageWithIds(List.of(Pages.run("run_3", 30), Pages.run("run_4", 40)), "\"run_3\"", "\"run_4\"", false));
        List<String> seen = new ArrayList<>();
        Throwable thrown = catching(() -> client.listAll("t", back).forEach(r -> seen.add(r.id())));
        assertThat(seen).containsExactly("run_8", "run_7", "run_6", "run_5");
        assertThat(thrown).isInstanceOf(PaginationException.class).hasMessageContaining("created_at descending");
        assertThat(((RunlistException) thrown).resumeParams()).contains(back.withBefore("run_5"));
        assertThat(transport.requests().get(1).uri().getRawQuery()).isEqualTo("limit=2&order=asc&before=run_7");
    }

    @Test
    void publisherEndsWithExactlyOneOnErrorForAPageThatFailsACheck() throws Exception {
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(true, "run_2", "run_3"));
        Recorder recorder = subscribe(client.listAllAsync("t", LIMIT_2), Long.MAX_VALUE);
        recorder.awaitTerminal();
        assertThat(recorder.runs).containsExactly("run_1", "run_2");
        assertThat(recorder.error).isInstanceOf(PaginationException.class);
        assertThat(((RunlistException) recorder.error).resumeParams()).contains(LIMIT_2.withAfter("run_2"));
        recorder.subscription.request(5);
        assertThat(recorder.terminals.get()).isEqualTo(1);
    }

    @Test
    void publisherRequestNeverThrows() throws Exception {
        // A bad n: onError (rule 3.9), once, and nothing thrown by request().
        transport.respond(200, Pages.page(false, "run_1"));
        Recorder bad = subscribe(client.listAllAsync("t", LIMIT_2), 0);
        bad.awaitTerminal();
        assertThat(bad.error).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("3.9");
        bad.subscription.request(-1);
        bad.subscription.request(1);
        assertThat(bad.terminals.get()).isEqualTo(1);

        // A closed client: onError, not an exception out of request().
        RunsClient closed = RunsClient.builder().apiKey("sk-x").transport(transport).build();
        closed.close();
        Recorder afterClose = subscribe(closed.listAllAsync("t", LIMIT_2), 1);
        afterClose.awaitTerminal();
        assertThat(afterClose.error).isNotNull();
        assertThat(afterClose.terminals.get()).isEqualTo(1);
    }

    @Test
    void publisherSubscriberThatThrowsGetsOneOnErrorAndNoMoreFetches() throws Exception {
        transport.respond(200, Pages.page(true, "run_1", "run_2"));
        IllegalStateException boom = new IllegalStateException("subscriber bug");
        Recorder recorder = new Recorder() {
            @Override
            public void onNext(Run item) {
                super.onNext(item);
                throw boom;
            }
        };
        client.listAllAsync("t", LIMIT_2).subscribe(recorder);
        recorder.subscription.request(10);
        recorder.awaitTerminal();
        assertThat(recorder.error).isSameAs(boom);
        assertThat(recorder.runs).containsExactly("run_1");
        assertThat(recorder.terminals.get()).isEqualTo(1);
        assertThat(transport.requests()).hasSize(1);
    }

    // ---- helpers ----------------------------------------------------------------------------------

    private static Throwable viaPublisher(RunsClient client, ListRunsParams params, List<String> out) throws Exception {
        Recorder recorder = subscribe(client.listAllAsync("t", params), Long.MAX_VALUE);
        recorder.awaitTerminal();
        out.addAll(recorder.runs);
        return recorder.error;
    }

    private static Recorder subscribe(Flow.Publisher<Run> publisher, long request) {
        Recorder recorder = new Recorder();
        publisher.subscribe(recorder);
        recorder.subscription.request(request);
        return recorder;
    }

    private static Throwable catching(Runnable r) {
        try {
            r.run();
            return null;
        } catch (Throwable t) {
            return t;
        }
    }

    private static long liveHeap() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** Counts every signal; records runs and the error. */
    private static class Recorder implements Flow.Subscriber<Run> {
        final List<String> runs = new CopyOnWriteArrayList<>();
        final CountDownLatch terminal = new CountDownLatch(1);
        final AtomicInteger terminals = new AtomicInteger();
        volatile Flow.Subscription subscription;
        volatile Throwable error;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
        }

        @Override
        public void onNext(Run item) {
            runs.add(item.id());
        }

        @Override
        public void onError(Throwable t) {
            error = t;
            terminals.incrementAndGet();
            terminal.countDown();
        }

        @Override
        public void onComplete() {
            terminals.incrementAndGet();
            terminal.countDown();
        }

        void awaitTerminal() throws InterruptedException {
            assertThat(terminal.await(10, TimeUnit.SECONDS)).as("a terminal signal").isTrue();
        }
    }

    /** A transport answering page number n (0, 1, ...) with {@code page.apply(n)}, keeping nothing. */
    private static final class GeneratedPages implements Transport {
        final AtomicInteger requests = new AtomicInteger();
        private final LongFunction<String> page;

        GeneratedPages(LongFunction<String> page) {
            this.page = page;
        }

        @Override
        public TransportResponse execute(TransportRequest request) {
            byte[] body = page.apply(requests.getAndIncrement()).getBytes(StandardCharsets.UTF_8);
            return new TransportResponse(200, Headers.empty(), new ByteArrayInputStream(body));
        }

        @Override
        public CompletableFuture<TransportResponse> executeAsync(TransportRequest request) {
            return CompletableFuture.completedFuture(execute(request));
        }

        @Override
        public void close() {}
    }

}
