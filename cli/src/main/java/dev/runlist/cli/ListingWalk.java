package dev.runlist.cli;

import dev.runlist.ListRunsParams;
import dev.runlist.RunPager;
import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import java.util.function.Predicate;

/**
 * Walks every page of a listing and hands each run that passes the filter to a sink, up to a
 * maximum, showing progress. It stops as soon as the sink says its output is gone (a closed pipe),
 * so that at most the page being read is fetched after the reader went away.
 */
final class ListingWalk {

    /** Takes the runs of the walk. */
    interface Sink {
        /** Takes {@code run}; false when the output is gone and the walk should stop. */
        boolean accept(Run run);
    }

    /**
     * How a walk ended.
     *
     * @param pages pages fetched
     * @param seen runs read, filtered out ones included
     * @param taken runs handed to the sink
     * @param cutByMax whether --max stopped the walk while runs remained
     * @param outputClosed whether the sink's output went away
     */
    record Result(int pages, long seen, long taken, boolean cutByMax, boolean outputClosed) {}

    private ListingWalk() {}

    static Result walk(RunsClient client, String threadId, ListRunsParams params, Predicate<Run> filter, long max,
            Progress progress, Sink sink) {
        RunPager pager = client.listAll(threadId, params).iterator();
        long seen = 0;
        long taken = 0;
        boolean cut = false;
        boolean closed = false;
        try {
            while (true) {
                progress.update(pager.pagesFetched(), seen);
                if (!pager.hasNext()) {
                    break;
                }
                if (taken >= max) {
                    cut = true;
                    break;
                }
                Run run = pager.next();
                seen++;
                if (filter.test(run)) {
                    progress.beforeOutput();
                    if (!sink.accept(run)) {
                        closed = true;
                        break;
                    }
                    taken++;
                }
            }
        } catch (RuntimeException e) {
            progress.finish(pager.pagesFetched(), seen);
            throw e;
        }
        if (closed) {
            progress.abandon();
        } else {
            progress.finish(pager.pagesFetched(), seen);
        }
        return new Result(pager.pagesFetched(), seen, taken, cut, closed);
    }
}
