package dev.runlist;

import dev.runlist.errors.PaginationException;
import dev.runlist.errors.RunlistException;
import dev.runlist.internal.ListenerEvents;
import dev.runlist.internal.Redaction;
import dev.runlist.model.Run;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The rules of one listing, for every form of it ({@link RunListing#pages()}, {@link RunPager} and so
 * the {@code Iterable} and {@code Stream} forms, and the {@code Flow.Publisher}): which page comes
 * next, the checks a page must pass before any of its runs is delivered, where the listing resumes,
 * and that a listing which failed stays failed. Not thread-safe: one listing, one consumer at a time.
 *
 * <p><b>Direction.</b> Going forward the next page is asked with {@code after=last_id}; a listing
 * started with only {@code before} walks backward with {@code before=first_id}, and its runs are
 * delivered nearest the cursor first (so in the reverse of {@code order}). The listing ends after a
 * page with {@code has_more: false}. The next page's parameters are the checked page's
 * {@link RunPage#nextPageParams()}, the same that manual paging ({@link RunsClient#nextPage}) uses.
 *
 * <p><b>Page checks</b>, each a {@link PaginationException} that ends the listing before any run of
 * the page is delivered:
 * <ul>
 *   <li>a page holding runs has {@code first_id} equal to the id of its first run and {@code last_id}
 *       to that of its last ({@code null} or absent ids are fine on an empty page);</li>
 *   <li>it holds no more runs than {@code limit} asked for (the API's default of 20 when not sent);</li>
 *   <li>it claims {@code has_more} only with runs and a non-blank cursor to continue from;</li>
 *   <li>no run repeats an id of the previous page (or the cursor the listing started from);</li>
 *   <li>runs arrive ordered by {@code created_at} in the direction of travel, as the API documents
 *       ({@code order} sorts by {@code created_at}); the order among runs created in the same second
 *       is not assumed;</li>
 *   <li>no run is delivered twice.</li>
 * </ul>
 *
 * <p><b>Loop guards with bounded memory.</b> A listing may legitimately be long and keep growing (runs
 * created while it is read join the far end of an ascending listing), so no count of pages or runs
 * can tell a loop from a large thread, and remembering every cursor sent would grow without bound.
 * Instead the guard rests on the documented order: since {@code created_at} never goes back in the
 * direction of travel, a run seen again can only come back while every run in between shares its
 * {@code created_at}. So the listing remembers just the runs of the current second (as 128-bit
 * fingerprints of their ids, 16 bytes each, whatever the length of the ids) and the previous page's
 * ids: a run that comes back (with the {@code created_at} it had) is caught before it is delivered
 * again, a repeated page or cursor included. Memory is bounded by {@value #MAX_RUNS_PER_SECOND} fingerprints (under 10 MB); a listing
 * with more runs than that created in one second ends with a {@code PaginationException} rather than
 * give up the guarantee. A server that keeps inventing new runs in order cannot be told from a large
 * thread; bound such a listing with {@code limit} on the stream or iterator.
 *
 * <p><b>Failures.</b> When a fetch or a check fails, the exception (if a {@link RunlistException})
 * carries {@link RunlistException#resumeParams()}: the parameters that continue right after the last
 * run delivered. From then on every call that would advance the listing throws that same exception.
 */
final class CursorTrail {

    /** The most runs sharing one {@code created_at} second that a listing remembers to catch repeats. */
    static final int MAX_RUNS_PER_SECOND = 100_000;

    private static final int QUOTED_ID_CHARS = 80;

    private final ListRunsParams start;
    private final boolean backward;
    private final boolean descending;
    private final int limit;
    private final UnaryOperator<String> secret;
    private final ListenerEvents.Listing listing;
    private final MessageDigest sha256 = sha256();

    private @Nullable ListRunsParams next;
    private @Nullable String cursor;
    private Set<Fingerprint> previousPage = new HashSet<>();
    private @Nullable Run lastAccepted;
    private final Set<Fingerprint> sameSecond = new HashSet<>();
    private @Nullable RuntimeException failure;

    /**
     * A listing from {@code start}.
     *
     * @param secret removes every credential from a message quoting server text
     * @param listing where the pages, the runs delivered and the listing's end are reported
     */
    CursorTrail(ListRunsParams start, UnaryOperator<String> secret, ListenerEvents.Listing listing) {
        this.start = start;
        this.next = start;
        this.backward = start.isBackward();
        this.descending = (start.effectiveOrder() == Order.DESC) != backward;
        this.limit = start.limit().orElse(ListRunsParams.DEFAULT_LIMIT);
        this.secret = secret;
        this.listing = listing;
        start.after().ifPresent(id -> previousPage.add(fingerprint(id)));
        start.before().ifPresent(id -> previousPage.add(fingerprint(id)));
    }

    /**
     * The parameters of the page to fetch next, or null when the listing is complete.
     *
     * @throws RuntimeException the exception that ended the listing, when it failed
     */
    @Nullable ListRunsParams next() {
        if (failure != null) {
            throw failure;
        }
        if (next == null) {
            listing.completed();
        }
        return next;
    }

    /**
     * Checks {@code page}, the answer to {@link #next()}, and moves past it.
     *
     * @return its runs in the order they are to be delivered
     * @throws PaginationException when the page breaks a rule; the listing has then failed
     */
    List<Run> accept(RunPage page) {
        if (failure != null) {
            throw failure;
        }
        listing.page();
        List<Run> data = page.data();
        checkShape(page, data);
        List<Run> ordered = backward ? reversed(data) : data;
        Set<Fingerprint> ids = new HashSet<>();
        for (Run run : ordered) {
            Fingerprint id = fingerprint(run.id());
            if (previousPage.contains(id)) {
                throw violation(page, "run '" + quote(run.id()) + "' was already in the previous page (or is the cursor "
                        + "the page was asked after)");
            }
            if (!ids.add(id)) {
                throw violation(page, "run '" + quote(run.id()) + "' appears twice in the page");
            }
            checkOrder(page, run, id);
        }
        previousPage = ids;
        next = page.hasMore() ? page.nextPageParams().orElseThrow() : null;
        return ordered;
    }

    /** Records that {@code run} reached the consumer: the listing now resumes after it. */
    void delivered(Run run) {
        cursor = run.id();
        listing.run();
    }

    /** Records that the consumer stopped the listing before its end. */
    void cancelled() {
        listing.cancelled();
    }

    /** Records that {@code error}, which is not a {@link RuntimeException}, ended the listing. */
    void failedWith(Throwable error) {
        listing.failed(error);
    }

    /** The parameters that continue the listing right after the last run delivered. */
    ListRunsParams resumeParams() {
        return cursor == null ? start : start.continuingAfter(cursor);
    }

    /** The id of the last run delivered, or null before the first. */
    @Nullable String cursor() {
        return cursor;
    }

    /**
     * Ends the listing with {@code error} (the first failure wins), recording where it resumes.
     *
     * @return the exception that ended the listing, to throw
     */
    RuntimeException fail(RuntimeException error) {
        if (failure == null) {
            if (error instanceof RunlistException e) {
                e.resumableWith(resumeParams());
            }
            failure = error;
            listing.failed(error);
        }
        return failure;
    }

    private void checkShape(RunPage page, List<Run> data) {
        if (data.size() > limit) {
            throw violation(page, "the page holds " + data.size() + " runs, more than the limit of " + limit + " asked for");
        }
        if (data.isEmpty()) {
            if (page.hasMore()) {
                throw violation(page, "the page claims has_more but holds no runs");
            }
            return;
        }
        String firstRun = data.get(0).id();
        String lastRun = data.get(data.size() - 1).id();
        if (!firstRun.equals(page.response().firstId())) {
            throw violation(page, "first_id is " + quoteNullable(page.response().firstId()) + " but the first run is '"
                    + quote(firstRun) + "'");
        }
        if (!lastRun.equals(page.response().lastId())) {
            throw violation(page, "last_id is " + quoteNullable(page.response().lastId()) + " but the last run is '"
                    + quote(lastRun) + "'");
        }
        if (page.hasMore() && page.nextPageParams().isEmpty()) {
            throw violation(page, "the page claims has_more but its " + (backward ? "first_id" : "last_id")
                    + " is blank, so there is no cursor to continue from");
        }
    }

    /** Checks that {@code run} follows the runs accepted before it in created_at order and is new. */
    private void checkOrder(RunPage page, Run run, Fingerprint id) {
        Instant created = run.createdAt();
        Run previous = lastAccepted;
        if (previous != null) {
            Instant second = previous.createdAt();
            int step = created.compareTo(second);
            if (descending ? step > 0 : step < 0) {
                throw violation(page, "run '" + quote(run.id()) + "' (created_at " + created.getEpochSecond()
                        + ") comes after run '" + quote(previous.id()) + "' (created_at " + second.getEpochSecond()
                        + ") in a listing ordered by created_at " + (descending ? "descending" : "ascending"));
            }
            if (step != 0) {
                sameSecond.clear();
            }
        }
        if (!sameSecond.add(id)) {
            throw violation(page, "run '" + quote(run.id()) + "' was already delivered by this listing");
        }
        if (sameSecond.size() > MAX_RUNS_PER_SECOND) {
            throw violation(page, "more than " + MAX_RUNS_PER_SECOND + " runs share created_at " + created.getEpochSecond()
                    + "; this listing cannot check so many for repeats in bounded memory");
        }
        lastAccepted = run;
    }

    private PaginationException violation(RunPage page, String problem) {
        PaginationException e = new PaginationException("refused the page fetched with " + quote(page.params().toString())
                + (page.requestId().isPresent() ? " (request id " + quote(page.requestId().get()) + ")" : "")
                + ": " + problem + "; none of its runs was delivered");
        fail(e);
        return e;
    }

    private String quote(String text) {
        return Redaction.quote(text, secret, QUOTED_ID_CHARS);
    }

    private String quoteNullable(@Nullable String id) {
        return id == null ? "null" : "'" + quote(id) + "'";
    }

    private Fingerprint fingerprint(String id) {
        byte[] d = sha256.digest(id.getBytes(StandardCharsets.UTF_8));
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 8; i++) {
            hi = hi << 8 | (d[i] & 0xFF);
            lo = lo << 8 | (d[8 + i] & 0xFF);
        }
        return new Fingerprint(hi, lo);
    }

    private static List<Run> reversed(List<Run> data) {
        List<Run> out = new ArrayList<>(data.size());
        for (int i = data.size() - 1; i >= 0; i--) {
            out.add(data.get(i));
        }
        return out;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform provides SHA-256", e);
        }
    }

    /** 128 bits of the SHA-256 of a run id: equal ids give equal fingerprints; a collision is not plausible. */
    private record Fingerprint(long hi, long lo) {}
}
