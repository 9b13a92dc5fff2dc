package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.ListRunsParams;
import dev.runlist.Order;
import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A seeded thread is generated on demand from its seed and each run's index: the same runs as the
 * fixtures, in the API's order, every timestamp at or before the fake's clock, cursors found without
 * storing anything, and runs added, updated or deleted afterwards served as if the thread were stored.
 */
class SeededThreadTest {

    private static final Instant NOW = Instant.parse("2026-11-26T12:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void seededRunsAreTheFixturesRunsAndTheSameEveryTime() {
        try (FakeRunsApi fake = FakeRunsApi.builder().clock(CLOCK).build()) {
            List<Run> seeded = fake.seedThread("t", 300, 42);
            assertThat(seeded).isEqualTo(RunFixtures.create(42, CLOCK).runs("t", 300));
            assertThat(fake.runs("t")).isEqualTo(seeded);
            assertThat(seeded.get(123)).isEqualTo(seeded.get(123)).isNotSameAs(seeded.get(123));
            assertThat(new SeededRuns("t", 300, 43, NOW)).isNotEqualTo(seeded);
        }
    }

    @Test
    void everyTimestampLiesAtOrBeforeTheClockAndTheNewestRunEndsJustBefore() {
        try (FakeRunsApi fake = FakeRunsApi.builder().clock(CLOCK).build()) {
            List<Run> runs = fake.seedThread("t", 5000, 1L);
            assertThat(runs).allSatisfy(run -> timestamps(run).forEach(t -> assertThat(t).isBeforeOrEqualTo(NOW)));
            Run newest = runs.get(runs.size() - 1);
            assertThat(newest.createdAt()).isEqualTo(NOW.minusSeconds(RunFixtures.NEWEST_AGE_SECONDS));
        }
        RunFixtures fixtures = RunFixtures.create(8, CLOCK);
        List<Run> made = new ArrayList<>(fixtures.runs("t", 50));
        for (int i = 0; i < 500; i++) {
            made.add(fixtures.run("t", RunFixtures.STATUSES.get(i % RunFixtures.STATUSES.size())));
        }
        made.addAll(fixtures.runs("t", 50));
        assertThat(made).allSatisfy(run -> timestamps(run).forEach(t -> assertThat(t).isBeforeOrEqualTo(NOW)));
        assertThat(made.stream().map(Run::id).distinct().count()).as("no id repeats").isEqualTo(made.size());
        for (int i = 50; i < 550; i++) {
            assertThat(made.get(i).createdAt()).as("run() never goes back in time").isAfterOrEqualTo(made.get(i - 1).createdAt());
        }

        SeededRuns million = new SeededRuns("t", 1_000_000, 1L, NOW);
        for (int i : new int[] {0, 1, 2, 500_000, 999_998, 999_999}) {
            timestamps(million.get(i)).forEach(t -> assertThat(t).isBeforeOrEqualTo(NOW));
        }
        assertThat(million.get(999_999).createdAt()).isEqualTo(NOW.minusSeconds(RunFixtures.NEWEST_AGE_SECONDS));
    }

    @Test
    void theIndexOrderIsTheApiOrderWithTiesAndEveryIdGivesBackItsIndex() {
        SeededRuns runs = new SeededRuns("t", 20_000, 5L, NOW);
        int ties = 0;
        for (int i = 0; i < runs.size(); i++) {
            RunKey key = runs.key(i);
            assertThat(runs.indexOfId(key.id())).isEqualTo(i);
            if (i > 0) {
                assertThat(runs.key(i - 1)).isLessThan(key);
                ties += runs.key(i - 1).createdAt() == key.createdAt() ? 1 : 0;
            }
        }
        assertThat(ties).as("about one run in four shares its second").isBetween(4000, 6000);
        assertThat(runs.get(7).id()).isEqualTo(runs.key(7).id()).matches("run_[0-9A-Za-z]{24}");
        assertThat(runs.get(7).createdAt().getEpochSecond()).isEqualTo(runs.key(7).createdAt());
        SeededRuns other = new SeededRuns("t", 20_000, 6L, NOW);
        assertThat(runs.indexOfId(other.key(7).id())).isEqualTo(-1);
        assertThat(runs.indexOfId("run_zzzzzzzzzzzzzzzzzzzzzzzz")).isEqualTo(-1);
        assertThat(runs.indexOfId("run_abc")).isEqualTo(-1);
        assertThat(runs.indexOfId("thread_x")).isEqualTo(-1);
        assertThat(new SeededRuns("t", 100, 5L, NOW).indexOfId(runs.key(15_000).id())).isEqualTo(-1);
    }

    @Test
    void theFakeNeverSendsResponseFormatNoneAndKeepsAMissingScoreThresholdAbsent() {
        String json = new String(RunsJson.standard().writePage(new dev.runlist.model.RunListResponse(
                new SeededRuns("t", 3000, 9L, NOW), null, null, false), false), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(json).doesNotContain("\"response_format\":\"none\"").contains("\"response_format\":\"auto\"");
        assertThat(json).contains("\"ranking_options\":{\"ranker\":\"default_2024_08_21\"}")
                .contains("\"score_threshold\":0.");
        Run decoded = RunsJson.standard().readRun(("{\"id\":\"run_1\",\"object\":\"thread.run\",\"created_at\":1,"
                + "\"thread_id\":\"t\",\"assistant_id\":\"a\",\"status\":\"queued\",\"model\":\"m\",\"tools\":[],"
                + "\"response_format\":\"none\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(decoded.responseFormat()).isEqualTo(dev.runlist.model.ResponseFormatMode.NONE);
    }

    @Test
    void aMillionRunThreadIsServedFromBothEndsWithoutStoringIt() {
        try (FakeRunsApi fake = FakeRunsApi.builder().clock(CLOCK).build()) {
            List<Run> seeded = fake.seedThread("big", 1_000_000, 3);
            RunsClient client = fake.client();
            RunPage newest = client.list("big", ListRunsParams.builder().limit(100).build());
            assertThat(newest.data()).extracting(Run::id).first().isEqualTo(seeded.get(999_999).id());
            RunPage next = client.list("big", newest.nextPageParams().orElseThrow());
            assertThat(next.data().get(0)).isEqualTo(seeded.get(999_899));
            RunPage oldest = client.list("big", ListRunsParams.builder().order(Order.ASC).limit(3).build());
            assertThat(oldest.data()).containsExactly(seeded.get(0), seeded.get(1), seeded.get(2));
            RunPage middle = client.list("big", ListRunsParams.builder().order(Order.ASC).limit(2)
                    .after(seeded.get(500_000).id()).build());
            assertThat(middle.data()).containsExactly(seeded.get(500_001), seeded.get(500_002));
            RunPage backward = client.list("big", ListRunsParams.builder().order(Order.ASC).limit(2)
                    .before(seeded.get(500_000).id()).build());
            assertThat(backward.data()).containsExactly(seeded.get(499_998), seeded.get(499_999));
            assertThat(backward.hasMore()).isTrue();
        }
    }

    /** A page asked for again is the same page while its thread is unchanged, and shows every change made since. */
    @Test
    void aPageAskedForAgainShowsEveryChangeMadeSince() {
        try (FakeRunsApi fake = FakeRunsApi.builder().clock(CLOCK).build()) {
            List<Run> seeded = fake.seedThread("t", 50, 7);
            RunsClient client = fake.client();
            ListRunsParams newestTen = ListRunsParams.builder().limit(10).build();
            RunPage first = client.list("t", newestTen);
            assertThat(client.list("t", newestTen).data()).isEqualTo(first.data());

            Run newest = seeded.get(49);
            fake.updateRun(newest.toBuilder().status(RunStatus.CANCELLED).build());
            assertThat(client.list("t", newestTen).data().get(0).status()).isEqualTo(RunStatus.CANCELLED);

            fake.deleteRun("t", newest.id());
            assertThat(client.list("t", newestTen).data()).extracting(Run::id)
                    .doesNotContain(newest.id()).startsWith(seeded.get(48).id());

            fake.addRun(newest.toBuilder().id("run_back").build());
            assertThat(client.list("t", newestTen).data()).extracting(Run::id).startsWith("run_back");
        }
    }

    /**
     * Random additions, updates and deletions on a seeded thread answer every query exactly as the
     * same changes on a thread whose runs were all added one by one.
     */
    @Test
    void changesOnASeededThreadAnswerLikeTheSameChangesOnAStoredThread() throws Exception {
        try (FakeRunsApi onDemand = FakeRunsApi.builder().clock(CLOCK).build();
                FakeRunsApi stored = FakeRunsApi.builder().clock(CLOCK).build()) {
            List<Run> seeded = onDemand.seedThread("t", 400, 11);
            stored.createThread("t");
            seeded.forEach(stored::addRun);
            List<String> cursors = new ArrayList<>();
            SplittableRandom random = new SplittableRandom(99);
            List<Run> extra = new ArrayList<>(RunFixtures.create(12, CLOCK).runs("t", 120));
            for (int step = 0; step < 300; step++) {
                int op = random.nextInt(4);
                if (op == 0 && !extra.isEmpty()) {
                    // An added run placed anywhere among the seeded ones, ties with them included.
                    Run base = extra.remove(extra.size() - 1);
                    Instant at = seeded.get(random.nextInt(seeded.size())).createdAt();
                    Run added = base.toBuilder().createdAt(at).build();
                    onDemand.addRun(added);
                    stored.addRun(added);
                    cursors.add(added.id());
                } else if (op == 1) {
                    Run target = seeded.get(random.nextInt(seeded.size()));
                    if (onDemand.deleteRun("t", target.id())) {
                        assertThat(stored.deleteRun("t", target.id())).isTrue();
                    }
                    cursors.add(target.id());
                } else if (op == 2) {
                    Run target = seeded.get(random.nextInt(seeded.size()));
                    Run moved = target.toBuilder().status(RunStatus.CANCELLED)
                            .createdAt(target.createdAt().plusSeconds(random.nextInt(-3000, 3000))).build();
                    boolean live = stored.runs("t").stream().anyMatch(r -> r.id().equals(target.id()));
                    if (live) {
                        onDemand.updateRun(moved);
                        stored.updateRun(moved);
                    }
                } else {
                    cursors.add(seeded.get(random.nextInt(seeded.size())).id());
                }
            }
            assertThat(onDemand.runs("t")).isEqualTo(stored.runs("t"));
            for (int q = 0; q < 200; q++) {
                StringBuilder query = new StringBuilder("?limit=" + (1 + random.nextInt(40)));
                query.append(random.nextBoolean() ? "&order=asc" : "&order=desc");
                int cursorKind = random.nextInt(4);
                String cursor = cursors.get(random.nextInt(cursors.size()));
                if (cursorKind == 1 || cursorKind == 3) {
                    query.append("&after=").append(cursor);
                }
                if (cursorKind == 2 || cursorKind == 3) {
                    query.append("&before=").append(cursors.get(random.nextInt(cursors.size())));
                }
                assertThat(body(onDemand, query.toString())).as(query.toString()).isEqualTo(body(stored, query.toString()));
            }
        }
    }

    private static String body(FakeRunsApi fake, String query) throws Exception {
        TransportRequest request = TransportRequest.get(URI.create("http://fake.invalid/v1/threads/t/runs" + query),
                Headers.builder().add("Authorization", "Bearer " + FakeRunsApi.DEFAULT_API_KEY)
                        .add("OpenAI-Beta", "assistants=v2").build());
        try (TransportResponse r = fake.transport().execute(request)) {
            return r.status() + " " + new String(r.body().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    private static Stream<Instant> timestamps(Run run) {
        return Stream.of(run.createdAt(), run.startedAt(), run.completedAt(), run.failedAt(), run.cancelledAt(),
                run.expiresAt()).filter(Objects::nonNull);
    }
}
