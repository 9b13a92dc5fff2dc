package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.ListRunsParams;
import dev.runlist.Order;
import dev.runlist.RunPage;
import dev.runlist.RunsClient;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Changes made while a listing is in progress: deleted cursors keep their place, new runs appear at the end. */
class ConcurrentChangesTest {

    private final FakeRunsApi fake = FakeRunsApi.create();

    @AfterEach
    void closeFake() {
        fake.close();
    }

    @Test
    void deletingTheCursorRunNeitherSkipsNorRepeats() {
        List<String> all = ids(fake.seedThread("t", 50, 3));
        RunsClient client = fake.client();
        ListRunsParams asc = ListRunsParams.builder().limit(10).order(Order.ASC).build();
        RunPage first = client.list("t", asc);
        fake.deleteRun("t", first.lastId().orElseThrow());
        RunPage second = client.list("t", first.nextPageParams().orElseThrow());
        assertThat(ids(second.data())).containsExactlyElementsOf(all.subList(10, 20));

        // Backward from a deleted cursor too.
        fake.deleteRun("t", second.firstId().orElseThrow());
        RunPage back = client.list("t", ListRunsParams.builder().limit(5).order(Order.ASC)
                .before(second.firstId().orElseThrow()).build());
        assertThat(ids(back.data())).containsExactlyElementsOf(all.subList(4, 9));
    }

    @Test
    void aPagerWhoseCursorIsDeletedSeesEveryOtherRunOnce() {
        List<String> all = ids(fake.seedThread("t", 95, 4));
        List<String> seen = new ArrayList<>();
        for (Run run : fake.client().listAll("t", ListRunsParams.builder().limit(10).order(Order.ASC).build())) {
            seen.add(run.id());
            if (seen.size() % 10 == 0) {
                fake.deleteRun("t", run.id()); // the cursor of the next page
            }
        }
        assertThat(seen).containsExactlyElementsOf(all);
    }

    @Test
    void runsAddedAtTheEndAppearWhenAscending() {
        List<Run> seeded = fake.seedThread("t", 30, 5);
        Instant later = seeded.get(seeded.size() - 1).createdAt().plusSeconds(60);
        List<String> added = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (Run run : fake.client().listAll("t", ListRunsParams.builder().limit(7).order(Order.ASC).build())) {
            seen.add(run.id());
            if (added.size() < 3) {
                Run extra = RunFixtures.create(100 + added.size(), java.time.Clock.systemUTC())
                        .run("t", RunStatus.QUEUED).toBuilder()
                        .createdAt(later.plusSeconds(added.size())).build();
                fake.addRun(extra);
                added.add(extra.id());
            }
        }
        List<String> expected = new ArrayList<>(ids(seeded));
        expected.addAll(added);
        assertThat(seen).containsExactlyElementsOf(expected);
    }

    @Test
    void listingsStayOrderedAndCompleteUnderConcurrentWrites() throws Exception {
        List<Run> stable = fake.seedThread("t", 300, 6);
        RunFixtures extra = RunFixtures.create(77, java.time.Clock.systemUTC());
        List<Run> churn = extra.runs("t", 200);
        Thread writer = new Thread(() -> {
            for (Run r : churn) {
                fake.addRun(r);
                fake.updateRun(r.toBuilder().status(RunStatus.COMPLETED).build());
                fake.deleteRun("t", r.id());
            }
        });
        writer.start();
        RunsClient client = fake.client();
        List<List<String>> listings = new ArrayList<>();
        while (writer.isAlive() || listings.isEmpty()) {
            listings.add(client.listAll("t", ListRunsParams.builder().limit(37).order(Order.ASC).build())
                    .stream().map(Run::id).collect(Collectors.toList()));
        }
        writer.join();
        List<String> stableIds = ids(stable);
        for (List<String> listing : listings) {
            assertThat(listing).doesNotHaveDuplicates().containsAll(stableIds);
            assertThat(listing.stream().filter(stableIds::contains).collect(Collectors.toList()))
                    .containsExactlyElementsOf(stableIds);
        }
        assertThat(fake.runs("t")).hasSize(300);
    }

    private static List<String> ids(List<Run> runs) {
        return runs.stream().map(Run::id).collect(Collectors.toList());
    }
}
