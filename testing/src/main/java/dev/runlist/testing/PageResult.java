package dev.runlist.testing;

import dev.runlist.model.Run;
import java.util.List;

/**
 * What a thread answered to a {@link ListQuery}: a page, or the name of the cursor parameter
 * ({@code after} or {@code before}) that names no run this thread ever held. {@code version} is the
 * thread's change count when the page was taken (-1 for an unknown cursor).
 */
record PageResult(List<Run> runs, boolean hasMore, long version, String unknownCursorParam, String unknownCursor) {

    static PageResult page(List<Run> runs, boolean hasMore, long version) {
        return new PageResult(List.copyOf(runs), hasMore, version, null, null);
    }

    static PageResult unknownCursor(String param, String id) {
        return new PageResult(List.of(), false, -1, param, id);
    }
}
