package dev.runlist.cli;

import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import dev.runlist.model.Usage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Figures about a set of runs, gathered one run at a time: runs by status, last-error codes, runs
 * per model, token usage, run durations and the creation time span. Keeps counts and one number per
 * finished run, never the runs. Not thread-safe.
 *
 * <p>A run's duration is its end ({@code completed_at}, else {@code failed_at}, else
 * {@code cancelled_at}) minus {@code started_at}, in whole seconds, for runs that have both (a run
 * that ends before it starts is left out). Percentiles are nearest-rank: of the n durations sorted
 * ascending, the p-th percentile is the one at rank ⌈p/100 · n⌉ (1-based), always an observed value.
 */
final class RunStats {

    /** The label of a last error without a code. */
    static final String NO_CODE = "(no code)";
    /** The label of a run without a model. */
    static final String NO_MODEL = "(no model)";

    private final Map<String, Long> statuses = new HashMap<>();
    private final Map<String, Long> errorCodes = new HashMap<>();
    private final Map<String, Long> models = new HashMap<>();
    private final TokenSum prompt = new TokenSum();
    private final TokenSum completion = new TokenSum();
    private final TokenSum total = new TokenSum();
    private long runs;
    private long runsWithUsage;
    private long runsWithError;
    private Instant firstCreated;
    private Instant lastCreated;
    private long[] durations = new long[64];
    private int durationCount;

    /** Counts {@code run} in. */
    void add(Run run) {
        runs++;
        statuses.merge(run.status().value(), 1L, Long::sum);
        models.merge(run.model() == null ? NO_MODEL : run.model(), 1L, Long::sum);
        if (run.lastError() != null) {
            runsWithError++;
            errorCodes.merge(run.lastError().code() == null ? NO_CODE : run.lastError().code().value(), 1L, Long::sum);
        }
        Usage usage = run.usage();
        if (usage != null) {
            runsWithUsage++;
            prompt.add(usage.promptTokens());
            completion.add(usage.completionTokens());
            total.add(usage.totalTokens());
        }
        Instant created = run.createdAt();
        if (created != null) {
            firstCreated = firstCreated == null || created.isBefore(firstCreated) ? created : firstCreated;
            lastCreated = lastCreated == null || created.isAfter(lastCreated) ? created : lastCreated;
        }
        Instant end = run.completedAt() != null ? run.completedAt()
                : run.failedAt() != null ? run.failedAt() : run.cancelledAt();
        if (run.startedAt() != null && end != null && !end.isBefore(run.startedAt())) {
            if (durationCount == durations.length) {
                durations = Arrays.copyOf(durations, durationCount * 2);
            }
            durations[durationCount++] = Duration.between(run.startedAt(), end).getSeconds();
        }
    }

    /** The figures so far. */
    Summary summary() {
        long[] sorted = Arrays.copyOf(durations, durationCount);
        Arrays.sort(sorted);
        Durations d = sorted.length == 0 ? new Durations(0, 0, 0, 0)
                : new Durations(sorted.length, nearestRank(sorted, 50), nearestRank(sorted, 95), sorted[sorted.length - 1]);
        return new Summary(runs, firstCreated, lastCreated, statusCounts(), counts(errorCodes), runsWithError,
                counts(models), runsWithUsage, prompt.tokens(runsWithUsage), completion.tokens(runsWithUsage),
                total.tokens(runsWithUsage), d);
    }

    /**
     * The nearest-rank {@code p}-th percentile of {@code sorted} (ascending, not empty): the value at
     * rank ⌈p/100 · n⌉, counting from 1.
     */
    static long nearestRank(long[] sorted, int p) {
        long rank = ((long) p * sorted.length + 99) / 100; // the ceiling, in exact integer arithmetic
        return sorted[(int) Math.max(rank, 1) - 1];
    }

    /** Statuses by count, most first; ties in the order of a run's life, unknown statuses last by name. */
    private List<Count> statusCounts() {
        List<Count> list = counts(statuses);
        list.sort(Comparator.comparingLong(Count::count).reversed().thenComparingInt(c -> lifeOrder(c.name()))
                .thenComparing(Count::name));
        return list;
    }

    private static int lifeOrder(String status) {
        return RunStatus.of(status).kind().ordinal(); // UNKNOWN is the last kind
    }

    /** Counts, most first, ties by name. */
    private static List<Count> counts(Map<String, Long> map) {
        List<Count> list = new ArrayList<>();
        map.forEach((name, count) -> list.add(new Count(name, count)));
        list.sort(Comparator.comparingLong(Count::count).reversed().thenComparing(Count::name));
        return list;
    }

    /**
     * What {@link RunStats} found.
     *
     * @param runs how many runs were counted
     * @param firstCreatedAt the earliest {@code created_at}, null without runs
     * @param lastCreatedAt the latest {@code created_at}, null without runs
     * @param statuses runs per status, most first
     * @param errorCodes runs per last-error code ({@value #NO_CODE} for an error without one), most first
     * @param runsWithError runs that have a last error
     * @param models runs per model ({@value #NO_MODEL} for a run without one), most first
     * @param runsWithUsage runs that report token usage (the tokens figures are over these)
     * @param prompt prompt tokens
     * @param completion completion tokens
     * @param total total tokens
     * @param durations run durations in seconds
     */
    record Summary(long runs, Instant firstCreatedAt, Instant lastCreatedAt, List<Count> statuses, List<Count> errorCodes,
            long runsWithError, List<Count> models, long runsWithUsage, Tokens prompt, Tokens completion, Tokens total,
            Durations durations) {

        /** The time between the first and the last creation, zero without runs. */
        Duration span() {
            return firstCreatedAt == null ? Duration.ZERO : Duration.between(firstCreatedAt, lastCreatedAt);
        }
    }

    /** How many runs have {@code name} (a status, error code or model). */
    record Count(String name, long count) {}

    /** Sum, mean and maximum of a token count over the runs with usage; all 0 without any. */
    record Tokens(long sum, double mean, long max) {}

    /** Nearest-rank p50 and p95 and the maximum of {@code runs} durations, in seconds; all 0 without any. */
    record Durations(long runs, long p50, long p95, long max) {}

    private static final class TokenSum {
        private long sum;
        private long max;

        void add(long tokens) {
            sum += tokens;
            max = Math.max(max, tokens);
        }

        Tokens tokens(long runs) {
            return new Tokens(sum, runs == 0 ? 0 : (double) sum / runs, max);
        }
    }
}
