package dev.runlist;

import dev.runlist.internal.ListenerEvents;
import dev.runlist.model.Run;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * Walks a listing page by page, fetching a page only when the previous one is used up, and holding
 * only the current page. Going forward it sends {@code after=last_id}; a listing started with only
 * {@code before} walks backward with {@code before=first_id} and delivers the runs nearest the cursor
 * first (so the reverse of {@code order}). It stops when {@code has_more} is false.
 *
 * <p>Every page is checked before any of its runs is delivered: {@code first_id}/{@code last_id}
 * match its first and last run, it holds no more runs than {@code limit}, it claims {@code has_more}
 * only with runs and a cursor, no run repeats one already delivered, and runs follow the
 * {@code created_at} order; a page that fails ends the listing with a {@link
 * dev.runlist.errors.PaginationException} instead of a loop, a skip or a repeat (the loop guards use
 * bounded memory whatever the server sends).
 *
 * <p><b>A listing that failed stays failed.</b> When a fetch or a check fails, {@link #hasNext()} (or
 * {@link #next()}) throws the exception, and every later call to either throws that same exception
 * again, never a quiet {@code false}. Its {@link dev.runlist.errors.RunlistException#resumeParams()}
 * (and {@link #resumeParams()}) continue right after the last run delivered: start a new listing with
 * them to go on. Not thread-safe: one consumer at a time.
 */
public final class RunPager implements Iterator<Run> {

    private final CursorTrail trail;
    private final PageWalker pages;

    private List<Run> current = List.of();
    private int index;

    RunPager(Function<ListRunsParams, RunPage> fetch, ListRunsParams start, UnaryOperator<String> secret,
            ListenerEvents.Listing listing) {
        this.trail = new CursorTrail(start, secret, listing);
        this.pages = new PageWalker(fetch, trail);
    }

    /**
     * Fetches the next page if the current one is used up.
     *
     * @return true when a run is waiting, false when the listing is complete
     * @throws dev.runlist.errors.RunlistException when a page cannot be fetched or fails a check, and on
     *     every call after that
     */
    @Override
    public boolean hasNext() {
        while (index >= current.size()) {
            if (!pages.hasNext()) {
                return false;
            }
            current = pages.next().runs();
            index = 0;
        }
        return true;
    }

    /**
     * The next run.
     *
     * @return the run
     * @throws NoSuchElementException when the listing is complete
     * @throws dev.runlist.errors.RunlistException when the listing failed (see {@link #hasNext()})
     */
    @Override
    public Run next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the listing has no more runs");
        }
        Run run = current.get(index++);
        trail.delivered(run);
        return run;
    }

    /**
     * The id of the last run delivered.
     *
     * @return the id, empty before the first run
     */
    public Optional<String> cursor() {
        return Optional.ofNullable(trail.cursor());
    }

    /**
     * The parameters that continue this listing right after the last run delivered.
     *
     * @return the starting parameters before the first run, else the same parameters moved past the
     *     last run delivered
     */
    public ListRunsParams resumeParams() {
        return trail.resumeParams();
    }

    /** Records that the consumer stopped before the end (its stream was closed); nothing if it had ended. */
    void cancelled() {
        trail.cancelled();
    }

    /**
     * How many pages have been fetched so far.
     *
     * @return the count of pages received (a page that failed a check included)
     */
    public int pagesFetched() {
        return pages.pagesFetched();
    }
}
