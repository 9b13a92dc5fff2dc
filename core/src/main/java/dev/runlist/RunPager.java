package dev.runlist;

import dev.runlist.errors.RunlistException;
import dev.runlist.model.Run;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * Walks a listing page by page, fetching a page only when the previous one is used up, and holding
 * only the current page. Going forward it sends {@code after=last_id}; a listing started with only
 * {@code before} walks backward with {@code before=first_id} and delivers the runs nearest the cursor
 * first (so the reverse of {@code order}). It stops when {@code has_more} is false.
 *
 * <p>A page that claims {@code has_more} but is empty, or that repeats a cursor already sent, ends
 * the walk with a {@link PaginationException} instead of a loop. When a fetch fails, the exception's
 * {@link RunlistException#resumeParams()} (and {@link #resumeParams()}) continue right after the
 * last run delivered. Not thread-safe: one consumer at a time.
 */
public final class RunPager implements Iterator<Run> {

    private final ListRunsParams start;
    private final boolean backward;
    private final PageWalker pages;

    private List<Run> current = List.of();
    private int index;
    private @Nullable String cursor;

    RunPager(Function<ListRunsParams, RunPage> fetch, ListRunsParams start) {
        this.start = start;
        this.backward = start.isBackward();
        this.pages = new PageWalker(fetch, start, this::resumeParams);
    }

    /** Fetches the next page if the current one is used up; true when a run is waiting. */
    @Override
    public boolean hasNext() {
        while (index >= current.size()) {
            if (!pages.hasNext()) {
                return false;
            }
            List<Run> data = pages.next().data();
            current = backward ? reversed(data) : data;
            index = 0;
        }
        return true;
    }

    /** The next run. */
    @Override
    public Run next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the listing has no more runs");
        }
        Run run = current.get(index++);
        cursor = run.id();
        return run;
    }

    /** The id of the last run delivered, if any. */
    public Optional<String> cursor() {
        return Optional.ofNullable(cursor);
    }

    /** The parameters that continue this listing right after the last run delivered. */
    public ListRunsParams resumeParams() {
        return cursor == null ? start : start.continuingAfter(cursor);
    }

    /** How many pages have been fetched so far. */
    public int pagesFetched() {
        return pages.pagesFetched();
    }

    private static List<Run> reversed(List<Run> data) {
        Run[] out = new Run[data.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = data.get(out.length - 1 - i);
        }
        return List.of(out);
    }
}
