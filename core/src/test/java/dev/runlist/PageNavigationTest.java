package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.errors.PaginationException;
import dev.runlist.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Paging by hand: hasNextPage, nextPage and nextPageAsync, and the one-argument async overloads. */
class PageNavigationTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RunsClient client = RunsClient.builder().apiKey("sk-x").transport(transport).maxRetries(0).build();

    private List<String> queries() {
        return transport.requests().stream().map(r -> String.valueOf(r.uri().getRawQuery())).collect(Collectors.toList());
    }

    @Test
    void nextPageFollowsTheCursorWithTheSameOptionsUntilHasNextPageIsFalse() {
        transport.respond(200, Pages.page(true, "run_1", "run_2"))
                .respond(200, Pages.page(true, "run_3", "run_4"))
                .respond(200, Pages.page(false, "run_5"));
        List<String> ids = new ArrayList<>();
        RunPage page = client.list("thread_1", ListRunsParams.builder().limit(2).header("X-Call", "c1").build());
        while (true) {
            page.data().forEach(run -> ids.add(run.id()));
            if (!page.hasNextPage()) {
                break;
            }
            page = client.nextPage(page);
        }
        assertThat(ids).containsExactly("run_1", "run_2", "run_3", "run_4", "run_5");
        assertThat(page.threadId()).isEqualTo("thread_1");
        assertThat(queries()).containsExactly("limit=2", "limit=2&after=run_2", "limit=2&after=run_4");
        assertThat(transport.requests()).allSatisfy(r -> {
            assertThat(r.uri().getRawPath()).endsWith("/threads/thread_1/runs");
            assertThat(r.headers().values("X-Call")).containsExactly("c1");
        });
    }

    @Test
    void nextPageOfABackwardPageSendsBeforeFirstId() {
        transport.respond(200, Pages.page(true, "run_7", "run_8")).respond(200, Pages.page(false, "run_5", "run_6"));
        RunPage page = client.list("t", ListRunsParams.builder().order(Order.ASC).limit(2).before("run_9").build());
        RunPage previous = client.nextPage(page);
        assertThat(previous.data()).extracting(Run::id).containsExactly("run_5", "run_6");
        assertThat(previous.hasNextPage()).isFalse();
        assertThat(queries()).containsExactly("limit=2&order=asc&before=run_9", "limit=2&order=asc&before=run_7");
    }

    @Test
    void lastPageHasNoNextPageAndAskingForOneFailsWithoutARequest() {
        transport.respond(200, Pages.page(false, "run_1"));
        RunPage page = client.list("t");
        assertThat(page.hasNextPage()).isFalse();
        assertThatThrownBy(() -> client.nextPage(page)).isInstanceOf(NoSuchElementException.class)
                .hasMessageContaining("hasNextPage");
        assertThatThrownBy(() -> client.nextPageAsync(page)).isInstanceOf(NoSuchElementException.class);
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void aPageClaimingMoreWithoutRunsHasNoNextPage() {
        transport.respond(200, Pages.page(true));
        assertThat(client.list("t").hasNextPage()).isFalse();
    }

    @Test
    void aPageLeadingBackToItsOwnCursorIsRefusedInsteadOfFetchedAgain() {
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(true, "run_2"));
        RunPage first = client.list("t", ListRunsParams.builder().limit(2).build());
        RunPage second = client.nextPage(first);
        assertThatThrownBy(() -> client.nextPage(second)).isInstanceOf(PaginationException.class)
                .hasMessageContaining("after=run_2");
        assertThat(transport.requests()).hasSize(2);
    }

    @Test
    void nextPageAsyncAndTheOneArgumentAsyncOverloadsUseTheDefaults() throws Exception {
        transport.respond(200, Pages.page(true, "run_1")).respond(200, Pages.page(false, "run_2"));
        RunPage first = client.listAsync("t").get(5, TimeUnit.SECONDS);
        RunPage second = client.nextPageAsync(first).get(5, TimeUnit.SECONDS);
        assertThat(second.data()).extracting(Run::id).containsExactly("run_2");
        assertThat(queries()).containsExactly("null", "after=run_1");
    }

    @Test
    void listAllAsyncWithoutParamsPublishesEveryRun() throws Exception {
        transport.respond(200, Pages.page(true, "run_1")).respond(200, Pages.page(false, "run_2"));
        List<String> ids = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        client.listAllAsync("t").subscribe(new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(Run run) {
                ids.add(run.id());
            }

            @Override
            public void onError(Throwable t) {
                ids.add("error: " + t);
                done.countDown();
            }

            @Override
            public void onComplete() {
                done.countDown();
            }
        });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(ids).containsExactly("run_1", "run_2");
        assertThat(queries()).containsExactly("null", "after=run_1");
    }

    @Test
    void aPageNamesItsThread() {
        transport.respond(200, Pages.page(false)).respond(200, Pages.page(false));
        assertThat(client.list("thread_9").threadId()).isEqualTo("thread_9");
        assertThat(client.list("thread_9", ListRunsParams.none()).toString()).contains("thread_9");
    }
}
