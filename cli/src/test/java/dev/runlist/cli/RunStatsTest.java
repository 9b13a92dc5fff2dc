package dev.runlist.cli;

import static dev.runlist.cli.TestRuns.at;
import static dev.runlist.cli.TestRuns.error;
import static dev.runlist.cli.TestRuns.run;
import static dev.runlist.cli.TestRuns.usage;
import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The figures of {@code runlist stats}, with exact numbers from hand-made runs. */
class RunStatsTest {

    /** Six runs whose figures are worked out by hand in the assertions below. */
    static List<Run> sixRuns(String thread) {
        return List.of(
                run(thread, "run_1", RunStatus.COMPLETED, 0).usage(usage(100, 50)).startedAt(at(0)).completedAt(at(10)).build(),
                run(thread, "run_2", RunStatus.FAILED, 100).lastError(error("server_error", "Sorry"))
                        .usage(usage(300, 0)).startedAt(at(105)).failedAt(at(165)).build(),
                run(thread, "run_3", RunStatus.FAILED, 50).model("gpt-4o-mini").lastError(error(null, "boom"))
                        .startedAt(at(55)).failedAt(at(75)).build(),
                run(thread, "run_4", RunStatus.CANCELLED, 20).model("gpt-4o-mini").startedAt(at(20)).cancelledAt(at(50)).build(),
                run(thread, "run_5", RunStatus.IN_PROGRESS, 3600).model("gpt-4.1").startedAt(at(3600)).build(),
                // ends before it starts (a clock skew): no duration, but its tokens count
                run(thread, "run_6", RunStatus.COMPLETED, 200).model("gpt-4.1").usage(usage(200, 100))
                        .startedAt(at(260)).completedAt(at(250)).build());
    }

    @Test
    void countsStatusesErrorsModelsTokensDurationsAndSpan() {
        RunStats stats = new RunStats();
        sixRuns("thread_s").forEach(stats::add);
        RunStats.Summary s = stats.summary();

        assertThat(s.runs()).isEqualTo(6);
        // ties by count go in the order of a run's life: failed before completed, in_progress before cancelled
        assertThat(s.statuses()).containsExactly(new RunStats.Count("failed", 2), new RunStats.Count("completed", 2),
                new RunStats.Count("in_progress", 1), new RunStats.Count("cancelled", 1));
        assertThat(s.runsWithError()).isEqualTo(2);
        assertThat(s.errorCodes()).containsExactly(new RunStats.Count(RunStats.NO_CODE, 1), new RunStats.Count("server_error", 1));
        assertThat(s.models()).containsExactly(new RunStats.Count("gpt-4.1", 2), new RunStats.Count("gpt-4o", 2),
                new RunStats.Count("gpt-4o-mini", 2));

        assertThat(s.runsWithUsage()).isEqualTo(3);
        assertThat(s.prompt()).isEqualTo(new RunStats.Tokens(600, 200.0, 300));
        assertThat(s.completion()).isEqualTo(new RunStats.Tokens(150, 50.0, 100));
        assertThat(s.total()).isEqualTo(new RunStats.Tokens(750, 250.0, 300));

        // durations 10, 60, 20, 30 -> sorted 10 20 30 60: p50 at rank ceil(2) = 2, p95 at rank ceil(3.8) = 4
        assertThat(s.durations()).isEqualTo(new RunStats.Durations(4, 20, 60, 60));

        assertThat(s.firstCreatedAt()).isEqualTo(at(0));
        assertThat(s.lastCreatedAt()).isEqualTo(at(3600));
        assertThat(s.span()).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void percentilesAreNearestRank() {
        long[] twenty = new long[20];
        for (int i = 0; i < 20; i++) {
            twenty[i] = i + 1;
        }
        assertThat(RunStats.nearestRank(twenty, 50)).isEqualTo(10);
        assertThat(RunStats.nearestRank(twenty, 95)).isEqualTo(19);
        assertThat(RunStats.nearestRank(twenty, 100)).isEqualTo(20);
        assertThat(RunStats.nearestRank(new long[] {7}, 50)).isEqualTo(7);
        assertThat(RunStats.nearestRank(new long[] {7}, 95)).isEqualTo(7);
        assertThat(RunStats.nearestRank(new long[] {1, 2, 3}, 50)).isEqualTo(2);
        assertThat(RunStats.nearestRank(new long[] {1, 2, 3}, 95)).isEqualTo(3);
    }

    @Test
    void noRunsGiveZerosAndNoSpan() {
        RunStats.Summary s = new RunStats().summary();
        assertThat(s.runs()).isZero();
        assertThat(s.statuses()).isEmpty();
        assertThat(s.firstCreatedAt()).isNull();
        assertThat(s.span()).isEqualTo(Duration.ZERO);
        assertThat(s.total()).isEqualTo(new RunStats.Tokens(0, 0.0, 0));
        assertThat(s.durations()).isEqualTo(new RunStats.Durations(0, 0, 0, 0));
    }

    @Test
    void manyDurationsGrowTheStoreAndStaySorted() {
        RunStats stats = new RunStats();
        for (int i = 1000; i >= 1; i--) { // added longest first
            stats.add(run("t", "run_" + i, RunStatus.COMPLETED, i).startedAt(at(0)).completedAt(at(i)).build());
        }
        RunStats.Durations d = stats.summary().durations();
        assertThat(d).isEqualTo(new RunStats.Durations(1000, 500, 950, 1000));
    }

    @Test
    void barsUseEighthBlocksOrHashes() {
        StatsReport blocks = new StatsReport(TerminalText.forCharset(java.nio.charset.StandardCharsets.UTF_8), true, 0);
        assertThat(blocks.bar(8, 8, 10)).isEqualTo("\u2588".repeat(10));
        assertThat(blocks.bar(3, 8, 10)).isEqualTo("\u2588\u2588\u2588\u258A"); // 3.75 cells: three full, six eighths
        assertThat(blocks.bar(1, 1000, 10)).isEqualTo("\u258F"); // never empty for a count above 0
        StatsReport ascii = new StatsReport(TerminalText.forCharset(java.nio.charset.StandardCharsets.US_ASCII), false, 0);
        assertThat(ascii.bar(3, 8, 10)).isEqualTo("####");
        assertThat(ascii.bar(1, 1000, 10)).isEqualTo("#");
    }

    @Test
    void humanDurations() {
        assertThat(StatsReport.human(0)).isEqualTo("0s");
        assertThat(StatsReport.human(59)).isEqualTo("59s");
        assertThat(StatsReport.human(65)).isEqualTo("1m 05s");
        assertThat(StatsReport.human(3 * 3600 + 7 * 60 + 5)).isEqualTo("3h 07m");
        assertThat(StatsReport.human(12 * 86400 + 3 * 3600)).isEqualTo("12d 03h");
    }
}
