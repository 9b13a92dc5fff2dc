package dev.runlist;

import dev.runlist.model.Run;
import java.util.List;
import java.util.function.Function;

/**
 * Fetches the pages of a listing one at a time, as {@link CursorTrail} directs and checks them. A
 * failed fetch or check ends the walk for good: every later call throws the same exception. Not
 * thread-safe.
 */
final class PageWalker {

    /** A page that passed every check, and its runs in the order they are to be delivered. */
    record CheckedPage(RunPage page, List<Run> runs) {}

    private final Function<ListRunsParams, RunPage> fetch;
    private final CursorTrail trail;
    private int pagesFetched;

    PageWalker(Function<ListRunsParams, RunPage> fetch, CursorTrail trail) {
        this.fetch = fetch;
        this.trail = trail;
    }

    /**
     * Whether another page is to be fetched.
     *
     * @throws RuntimeException the exception that ended the walk, when it failed
     */
    boolean hasNext() {
        return trail.next() != null;
    }

    /**
     * Fetches and checks the next page; the caller reports each run it delivers to the trail.
     *
     * @throws java.util.NoSuchElementException when the listing is complete
     * @throws RuntimeException the exception that ended the walk (a {@link dev.runlist.errors.RunlistException}
     *     carries resume parameters)
     */
    CheckedPage next() {
        ListRunsParams params = trail.next();
        if (params == null) {
            throw new java.util.NoSuchElementException("the listing has no more pages");
        }
        RunPage page;
        try {
            page = fetch.apply(params);
        } catch (RuntimeException e) {
            throw trail.fail(e);
        }
        pagesFetched++;
        return new CheckedPage(page, trail.accept(page));
    }

    int pagesFetched() {
        return pagesFetched;
    }
}
