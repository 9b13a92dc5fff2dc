package dev.runlist;

import dev.runlist.internal.ListenerEvents;
import dev.runlist.model.Run;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Every run of a thread from a starting point, fetched lazily page by page as it is iterated. Each
 * {@link #iterator()} starts a fresh walk; see {@link RunPager} for how it pages, the checks every
 * page passes, and why a listing that failed stays failed. Thread-safe to share; each iterator is for
 * one consumer.
 */
public final class RunListing implements Iterable<Run> {

    private final Function<ListRunsParams, RunPage> fetch;
    private final ListRunsParams start;
    private final UnaryOperator<String> secret;
    private final Supplier<ListenerEvents.Listing> listings;

    RunListing(Function<ListRunsParams, RunPage> fetch, ListRunsParams start, UnaryOperator<String> secret,
            Supplier<ListenerEvents.Listing> listings) {
        this.fetch = fetch;
        this.start = start;
        this.secret = secret;
        this.listings = listings;
    }

    /**
     * A new walk from the starting parameters.
     *
     * @return a pager that fetches its first page on the first {@code hasNext()}
     */
    @Override
    public RunPager iterator() {
        return new RunPager(fetch, start, secret, listings.get());
    }

    /**
     * A sequential, lazy stream of the runs; a fresh walk. Once a page fails, every later advance of
     * the stream throws the same exception. Closing the stream before its end tells the client's
     * {@link RunsListener}s that the listing was cancelled.
     *
     * @return the stream
     */
    public Stream<Run> stream() {
        RunPager pager = iterator();
        return StreamSupport.stream(
                Spliterators.spliteratorUnknownSize(pager, Spliterator.ORDERED | Spliterator.NONNULL), false)
                .onClose(pager::cancelled);
    }

    /**
     * The pages themselves, fetched lazily, for callers that want page-level detail. Each iterator is
     * a fresh walk with the same checks as the runs' iterator; a page is counted as delivered once
     * {@code next()} returns it, so a failure's resume parameters continue after that page. A walk that
     * failed stays failed.
     *
     * @return the pages
     */
    public Iterable<RunPage> pages() {
        return () -> new Iterator<>() {
            private final CursorTrail trail = new CursorTrail(start, secret, listings.get());
            private final PageWalker walker = new PageWalker(fetch, trail);

            @Override
            public boolean hasNext() {
                return walker.hasNext();
            }

            @Override
            public RunPage next() {
                PageWalker.CheckedPage checked = walker.next();
                if (!checked.runs().isEmpty()) {
                    trail.delivered(checked.runs().get(checked.runs().size() - 1));
                }
                return checked.page();
            }
        };
    }
}
