package dev.runlist.testing;

import dev.runlist.model.Run;
import java.util.List;

/**
 * What a thread answered to a {@link ListQuery}: a page, or the name of the cursor parameter
 * ({@code after} or {@code before}) that names no run this thread ever held.
 */
record PageResult(List<Run> runs, boolean hasMore, String unknownCursorParam, String unknownCursor) {

    static PageResult page(List<Run> runs, boolean hasMore) {
        return new PageResult(List.copyOf(runs), hasMore, null, null);
    }

    static PageResult unknownCursor(String param, String id) {
        return new PageResult(List.of(), false, param, id);
    }
}
