package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.errors.InternalServerException;
import dev.runlist.errors.PaginationException;
import dev.runlist.errors.RunlistException;
import dev.runlist.model.Run;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Auto-paging: cursors sent, stopping on has_more, backward walks, loop guards and resuming. */
class PagingTest {

    private final ScriptedTransport transport = new ScriptedTransport();
    private final RunsClient client = RunsClient.builder().apiKey("sk-x").transport(transport).maxRetries(0).build();

    private List<String> queries() {
        return transport.requests().stream().map(r -> String.valueOf(r.uri().getRawQuery())).collect(Collectors.toList());
    }

    @Test
    void followsLastIdAndStopsWhenHasMoreIsFalseWithoutAnExtraRequest() {
        transport.respond(200, Pages.page(true, "run_1", "run_2"))
                .respond(200, Pages.page(true, "run_3", "run_4"))
                .respond(200, Pages.page(false, "run_5"));
        List<String> ids = client.stream("t", ListRunsParams.builder().limit(2).build()).map(Run::id).collect(Collectors.toList());
        assertThat(ids).containsExactly("run_1", "run_2", "run_3", "run_4", "run_5");
        assertThat(queries()).containsExactly("limit=2", "limit=2&after=run_2", "limit=2&after=run_4");
    }

    @Test
    void fetchesLazilyOnePageAtATime() {
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(false, "run_3"));
        RunPager pager = client.listAll("t").iterator();
        assertThat(transport.requests()).isEmpty();
        pager.next();
        pager.next();
        assertThat(transport.requests()).hasSize(1);
        assertThat(pager.cursor()).contains("run_2");
        pager.next();
        assertThat(transport.requests()).hasSize(2);
        assertThat(pager.hasNext()).isFalse();
        assertThat(pager.pagesFetched()).isEqualTo(2);
    }

    @Test
    void emptyThreadGivesNoRunsAfterOneRequest() {
        transport.respond(200, Pages.page(false));
        assertThat(client.listAll("t")).isEmpty();
        assertThat(transport.requests()).hasSize(1);
    }

    @Test
    void backwardListingSendsBeforeFirstIdAndDeliversNearestFirst() {
        // order=asc, walking back from run_9: pages come in ascending order, nearest the cursor last.
        transport.respond(200, Pages.page(true, "run_7", "run_8"))
                .respond(200, Pages.page(false, "run_5", "run_6"));
        ListRunsParams start = ListRunsParams.builder().order(Order.ASC).limit(2).before("run_9").build();
        List<String> ids = client.stream("t", start).map(Run::id).collect(Collectors.toList());
        assertThat(ids).containsExactly("run_8", "run_7", "run_6", "run_5");
        assertThat(queries()).containsExactly("limit=2&order=asc&before=run_9", "limit=2&order=asc&before=run_7");
    }

    @Test
    void optionsCarryToEveryPage() {
        transport.respond(200, Pages.page(true, "run_1")).respond(200, Pages.page(false, "run_2"));
        client.listAll("t", ListRunsParams.builder().header("X-Call", "c1").order(Order.ASC).build()).forEach(r -> { });
        assertThat(transport.requests()).allSatisfy(r -> {
            assertThat(r.headers().values("X-Call")).containsExactly("c1");
            assertThat(r.uri().getRawQuery()).contains("order=asc");
        });
    }

    @Test
    void pageWithHasMoreButNoRunsEndsWithAClearException() {
        transport.respond(200, Pages.page(true, "run_1")).respond(200, Pages.page(true));
        RunPager pager = client.listAll("t").iterator();
        assertThat(pager.next().id()).isEqualTo("run_1");
        assertThatThrownBy(pager::hasNext).isInstanceOf(PaginationException.class)
                .hasMessageContaining("has_more").hasMessageContaining("no runs")
                .satisfies(e -> assertThat(((RunlistException) e).resumeParams())
                        .contains(ListRunsParams.none().withAfter("run_1")));
    }

    @Test
    void repeatedCursorEndsWithAClearExceptionInsteadOfLooping() {
        transport.respond(200, Pages.page(true, "run_1", "run_2"))
                .respond(200, Pages.page(true, "run_3", "run_4"))
                .respond(200, Pages.page(true, "run_1", "run_2"));
        List<String> seen = new ArrayList<>();
        assertThatThrownBy(() -> client.listAll("t").forEach(r -> seen.add(r.id())))
                .isInstanceOf(PaginationException.class).hasMessageContaining("'run_1'").hasMessageContaining("already");
        // The looping page is refused before any of its runs is delivered again.
        assertThat(seen).containsExactly("run_1", "run_2", "run_3", "run_4");
        assertThat(transport.requests()).hasSize(3);
    }

    @Test
    void startingCursorEchoedBackIsALoopToo() {
        transport.respond(200, Pages.page(true, "run_5"));
        assertThatThrownBy(() -> client.listAll("t", ListRunsParams.builder().after("run_5").build()).forEach(r -> { }))
                .isInstanceOf(PaginationException.class);
    }

    @Test
    void failedPageCarriesParamsThatResumeAfterTheLastDeliveredRun() {
        transport.respond(200, Pages.page(true, "run_1", "run_2"))
                .respond(500, Pages.error("boom", "server_error", null, null));
        ListRunsParams start = ListRunsParams.builder().limit(2).build();
        List<String> seen = new ArrayList<>();
        RunlistException e = (RunlistException) catchThrowable(() -> client.listAll("t", start).forEach(r -> seen.add(r.id())));
        assertThat(e).isInstanceOf(InternalServerException.class);
        assertThat(seen).containsExactly("run_1", "run_2");
        assertThat(e.resumeParams()).contains(start.withAfter("run_2"));

        transport.respond(200, Pages.page(false, "run_3"));
        List<String> rest = client.stream("t", e.resumeParams().orElseThrow()).map(Run::id).collect(Collectors.toList());
        assertThat(rest).containsExactly("run_3");
        assertThat(queries().get(2)).isEqualTo("limit=2&after=run_2");
    }

    @Test
    void pageKnowsItsNextParamsInBothDirections() {
        transport.respond(200, Pages.page(true, "run_1", "run_2")).respond(200, Pages.page(true, "run_4", "run_5"))
                .respond(200, Pages.page(false, "run_6"));
        RunPage forward = client.list("t", ListRunsParams.builder().limit(2).before("run_9").after("run_0").build());
        assertThat(forward.nextPageParams()).contains(ListRunsParams.builder().limit(2).after("run_2").build());
        RunPage backward = client.list("t", ListRunsParams.builder().limit(2).before("run_6").build());
        assertThat(backward.nextPageParams()).contains(ListRunsParams.builder().limit(2).before("run_4").build());
        RunPage last = client.list("t");
        assertThat(last.nextPageParams()).isEmpty();
        assertThat(last.firstId()).contains("run_6");
    }

    @Test
    void pagesIterableWalksPageByPage() {
        transport.respond(200, Pages.page(true, "run_1")).respond(200, Pages.page(false, "run_2"));
        List<Integer> sizes = new ArrayList<>();
        client.listAll("t").pages().forEach(p -> sizes.add(p.data().size()));
        assertThat(sizes).containsExactly(1, 1);
    }

    private static Throwable catchThrowable(Runnable r) {
        try {
            r.run();
        } catch (Throwable t) {
            return t;
        }
        throw new AssertionError("expected an exception");
    }
}
