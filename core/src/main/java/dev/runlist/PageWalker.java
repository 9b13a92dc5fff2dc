package dev.runlist;

import dev.runlist.errors.RunlistException;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * Fetches the pages of a listing one at a time, as {@link CursorTrail} directs. A failure carries the
 * resume parameters the owner supplies (null: the parameters of the page that could not be had).
 * Not thread-safe.
 */
final class PageWalker implements Iterator<RunPage> {

    private final Function<ListRunsParams, RunPage> fetch;
    private final @Nullable Supplier<ListRunsParams> resumeParams;
    private final CursorTrail trail;
    private @Nullable ListRunsParams next;
    private int pagesFetched;

    PageWalker(Function<ListRunsParams, RunPage> fetch, ListRunsParams start, @Nullable Supplier<ListRunsParams> resumeParams) {
        this.fetch = fetch;
        this.next = start;
        this.resumeParams = resumeParams;
        this.trail = new CursorTrail(start);
    }

    @Override
    public boolean hasNext() {
        return next != null;
    }

    @Override
    public RunPage next() {
        if (next == null) {
            throw new NoSuchElementException("the listing has no more pages");
        }
        try {
            RunPage page = fetch.apply(next);
            pagesFetched++;
            next = trail.after(page);
            return page;
        } catch (RunlistException e) {
            ListRunsParams resume = resumeParams == null ? next : resumeParams.get();
            next = null;
            throw e.resumableWith(resume);
        }
    }

    int pagesFetched() {
        return pagesFetched;
    }
}
