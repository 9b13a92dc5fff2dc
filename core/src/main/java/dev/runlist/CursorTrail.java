package dev.runlist;

import dev.runlist.errors.PaginationException;
import java.util.HashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Decides the page after a given one, for every pager (sync and async): the page's
 * {@link RunPage#nextPageParams()} while {@code has_more} holds, refusing a page that claims
 * {@code has_more} while empty or that leads to a cursor already requested. Not thread-safe.
 */
final class CursorTrail {

    private final Set<String> cursorsSent = new HashSet<>();

    CursorTrail(ListRunsParams start) {
        start.after().ifPresent(cursorsSent::add);
        start.before().ifPresent(cursorsSent::add);
    }

    /**
     * The parameters of the page after {@code page}, or null when it was the last.
     *
     * @throws PaginationException when following {@code page} would loop
     */
    @Nullable ListRunsParams after(RunPage page) {
        if (!page.hasMore()) {
            return null;
        }
        if (page.data().isEmpty()) {
            throw new PaginationException("the page fetched with " + page.params()
                    + " claims has_more but holds no runs; stopping instead of looping");
        }
        String cursor = page.nextCursor().orElseThrow();
        if (!cursorsSent.add(cursor)) {
            throw new PaginationException("the page fetched with " + page.params() + " leads to cursor '" + cursor
                    + "', which was already requested; stopping instead of looping");
        }
        return page.nextPageParams().orElseThrow();
    }
}
