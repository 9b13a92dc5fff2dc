package dev.runlist;

import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * One page of runs as the API returned it, with the parameters that produced it, so it knows how to
 * ask for the next one. Immutable and thread-safe.
 */
public final class RunPage {

    private final String threadId;
    private final RunListResponse response;
    private final ListRunsParams params;
    private final @Nullable String requestId;

    private RunPage(String threadId, RunListResponse response, ListRunsParams params, @Nullable String requestId) {
        this.threadId = Objects.requireNonNull(threadId, "threadId");
        this.response = Objects.requireNonNull(response, "response");
        this.params = Objects.requireNonNull(params, "params");
        this.requestId = requestId;
    }

    /**
     * The page of {@code threadId}'s runs holding {@code response}, fetched with {@code params}.
     *
     * @param threadId the thread whose runs these are
     * @param response the decoded body
     * @param params the parameters the page was fetched with
     * @param requestId the {@code x-request-id} (else {@code apim-request-id}) of the response, or null when unknown
     * @return the page
     * @throws NullPointerException when {@code threadId}, {@code response} or {@code params} is null
     */
    public static RunPage of(String threadId, RunListResponse response, ListRunsParams params, @Nullable String requestId) {
        return new RunPage(threadId, response, params, requestId);
    }

    /** {@return the id of the thread whose runs these are} */
    public String threadId() {
        return threadId;
    }

    /** {@return the runs, in the order requested (for a page fetched with {@code before} too)} */
    public List<Run> data() {
        return response.data();
    }

    /** {@return the id of the first run of the page; empty when the page is empty} */
    public Optional<String> firstId() {
        return Optional.ofNullable(response.firstId());
    }

    /** {@return the id of the last run of the page; empty when the page is empty} */
    public Optional<String> lastId() {
        return Optional.ofNullable(response.lastId());
    }

    /** {@return whether more runs lie beyond this page in the direction of travel} */
    public boolean hasMore() {
        return response.hasMore();
    }

    /** {@return the parameters this page was fetched with} */
    public ListRunsParams params() {
        return params;
    }

    /** {@return the {@code x-request-id} of the response, else Azure's {@code apim-request-id}, if the server sent one} */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** {@return the body as decoded, unknown fields included} */
    public RunListResponse response() {
        return response;
    }

    /**
     * Whether there is a next page to fetch with {@link RunsClient#nextPage(RunPage)}: {@link #hasMore()}
     * holds and the page carries a cursor to continue from. The same as
     * {@code nextPageParams().isPresent()}.
     *
     * @return whether there is a next page
     */
    public boolean hasNextPage() {
        return nextPageParams().isPresent();
    }

    /**
     * The parameters of the next page in the direction of travel: {@code after=last_id} going
     * forward, {@code before=first_id} for a listing walking backward from {@code before}. Empty when
     * {@link #hasMore()} is false or the page carries no usable cursor (an empty page, blank ids).
     * This page is not checked here; the auto-paging forms check every page (see {@link RunPager}).
     *
     * @return the next page's parameters, or empty on the last page
     */
    public Optional<ListRunsParams> nextPageParams() {
        if (!hasMore()) {
            return Optional.empty();
        }
        return nextCursor().map(params::continuingAfter);
    }

    /**
     * The cursor the next page starts from: {@code first_id} walking backward, else {@code last_id};
     * when that is absent or blank, the id of the run at that end of the page.
     */
    private Optional<String> nextCursor() {
        List<Run> data = data();
        boolean backward = params.isBackward();
        Optional<String> id = (backward ? firstId() : lastId()).filter(c -> !c.isBlank());
        if (id.isPresent() || data.isEmpty()) {
            return id;
        }
        return Optional.of(data.get(backward ? 0 : data.size() - 1).id()).filter(c -> !c.isBlank());
    }

    @Override
    public String toString() {
        return "RunPage{" + threadId + ", " + data().size() + " runs, firstId=" + response.firstId() + ", lastId=" + response.lastId()
                + ", hasMore=" + hasMore() + ", params=" + params + "}";
    }
}
