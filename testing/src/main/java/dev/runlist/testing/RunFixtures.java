package dev.runlist.testing;

import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * Generates realistic runs, the same ones for the same seed and clock: every status with the fields
 * that status carries ({@code last_error} for failed runs, tool calls for {@code requires_action},
 * {@code incomplete_details}, {@code usage} once terminal), every tool kind, both tool-choice forms,
 * every response format the API sends, truncation strategies, metadata full of unicode and escapes,
 * instructions that are null, short or long, and {@code created_at} values that rise with frequent
 * ties within a second, so the id tie-break matters.
 *
 * <p>Every run is generated from the seed and its index alone, so any run of a batch can be made
 * without the others (this is how {@link FakeRunsApi#seedThread} serves a million runs in little
 * memory). Every timestamp of a batch lies at or before the clock's instant: the newest run of a batch
 * was created 15 minutes before it and has ended, or expires, by then. Each call continues one
 * sequence of batches, so two calls never repeat ids. Not thread-safe.
 */
public final class RunFixtures {

    static final List<RunStatus> STATUSES = List.of(RunStatus.QUEUED, RunStatus.IN_PROGRESS,
            RunStatus.REQUIRES_ACTION, RunStatus.CANCELLING, RunStatus.CANCELLED, RunStatus.FAILED,
            RunStatus.COMPLETED, RunStatus.INCOMPLETE, RunStatus.EXPIRED);
    /** How long before the clock's instant the newest run of a batch was created. */
    static final long NEWEST_AGE_SECONDS = 900;
    /** The latest any timestamp of a run lies after its {@code created_at} ({@code expires_at}). */
    static final long MAX_RUN_SPAN_SECONDS = 600;
    private final long seed;
    private final Clock clock;
    private int batches;
    private long lastCreated = Long.MIN_VALUE;

    private RunFixtures(long seed, Clock clock) {
        this.seed = seed;
        this.clock = clock;
    }

    /**
     * A generator for {@code seed}; {@code clock} anchors the timestamps (every one at or before its
     * instant when a batch is made). Pass a fixed clock for runs identical across test runs.
     *
     * @param seed the seed; the same seed and clock give the same runs
     * @param clock the clock whose instant the runs end before
     * @return the generator
     * @throws NullPointerException when {@code clock} is null
     */
    public static RunFixtures create(long seed, Clock clock) {
        return new RunFixtures(seed, Objects.requireNonNull(clock, "clock"));
    }

    /**
     * {@code count} new runs on {@code threadId}, oldest first (the API's ascending order: {@code
     * created_at}, then id). The first 9 runs of a batch take the 9 statuses in a seeded order, so
     * any batch of 9 runs or more holds every status; later runs draw their status at random. The
     * first batch of a generator is the one {@link FakeRunsApi#seedThread} serves for the same seed
     * and clock.
     *
     * @param threadId the thread the runs belong to
     * @param count how many runs, 0 or more
     * @return the runs, an immutable list
     * @throws IllegalArgumentException when {@code count} is negative
     * @throws NullPointerException when {@code threadId} is null
     */
    public List<Run> runs(String threadId, int count) {
        SeededRuns batch = new SeededRuns(threadId, count, batchSeed(batches++), clock.instant());
        List<Run> runs = List.copyOf(batch);
        if (count > 0) {
            lastCreated = Math.max(lastCreated, batch.key(count - 1).createdAt());
        }
        return runs;
    }

    /**
     * One new run on {@code threadId} with {@code status}, created no earlier than every run this
     * generator made so far, and ended by the clock's instant.
     *
     * @param threadId the thread the run belongs to
     * @param status its status
     * @return the run
     * @throws NullPointerException when an argument is null
     */
    public Run run(String threadId, RunStatus status) {
        Objects.requireNonNull(threadId, "threadId");
        Objects.requireNonNull(status, "status");
        long seedOfRun = batchSeed(batches++);
        long newest = clock.instant().getEpochSecond() - NEWEST_AGE_SECONDS;
        long created = lastCreated == Long.MIN_VALUE ? newest - 86_400
                : Math.min(newest, lastCreated + new SplittableRandom(seedOfRun).nextInt(91));
        lastCreated = Math.max(lastCreated, created);
        return generate(threadId, SeededRuns.rawId(seedOfRun, 0), created, 0, status, seedOfRun);
    }

    /** The seed of the n-th batch: the generator's own seed first, so batch 0 is a seeded thread. */
    private long batchSeed(int n) {
        return n == 0 ? seed : SeededRuns.mix(seed + 0x9E3779B97F4A7C15L * n);
    }

    /**
     * The run at {@code index} of a batch seeded with {@code batchSeed}: its status (null: the
     * batch's pick for that index) and every other field follow from the seed and index alone.
     */
    static Run generate(String threadId, String id, long created, int index, RunStatus status, long batchSeed) {
        SplittableRandom random = new SplittableRandom(SeededRuns.mix(batchSeed ^ SeededRuns.mix(index + 1L)));
        if (status == null) {
            status = index < STATUSES.size() ? firstStatuses(batchSeed).get(index)
                    : STATUSES.get(random.nextInt(STATUSES.size()));
        }
        return new RunRecipe(random).run(threadId, id, created, index, status);
    }

    /** The statuses of a batch's first 9 runs, one each, in an order drawn from the batch's seed. */
    private static List<RunStatus> firstStatuses(long batchSeed) {
        List<RunStatus> order = new ArrayList<>(STATUSES);
        Collections.shuffle(order, new java.util.Random(batchSeed));
        return order;
    }
}
