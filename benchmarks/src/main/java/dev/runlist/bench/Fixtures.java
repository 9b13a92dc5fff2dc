package dev.runlist.bench;

import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.testing.RunFixtures;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark inputs: pages of realistic runs from {@link RunFixtures} with a fixed seed and a fixed
 * clock, encoded pretty (two-space indent, as the API writes them), so every run of every benchmark
 * decodes the very same bytes.
 */
public final class Fixtures {

    /** The seed of every generated run. */
    public static final long SEED = 20_240_501L;
    /** The instant the generated timestamps are anchored to. */
    public static final Clock CLOCK = Clock.fixed(Instant.parse("2025-03-01T12:00:00Z"), ZoneOffset.UTC);
    /** The thread every fixture and seeded fake thread uses. */
    public static final String THREAD_ID = "thread_bench";
    /** Runs in the paginated thread. */
    public static final int LISTING_RUNS = 10_000;
    /** Page size of the paginated listings. */
    public static final int PAGE_LIMIT = 100;
    /** The name of the mostly-Latin-1 100-run page. */
    public static final String LATIN1_PAGE = "100-latin1";

    private Fixtures() {
    }

    /** The decode benchmark's pages, by name: "1", "20" and "100" runs, and "100-latin1". */
    public static final List<String> PAGES = List.of("1", "20", "100", LATIN1_PAGE);

    /** A page of {@code runs} generated runs, encoded pretty; identical on every call. */
    public static byte[] pageBytes(int runs) {
        List<Run> data = RunFixtures.create(SEED, CLOCK).runs(THREAD_ID, runs);
        return RunsJson.standard().writePage(page(data, false), true);
    }

    /**
     * The page named {@code name} in {@link #PAGES}: a number of runs, or {@value #LATIN1_PAGE}, the
     * 100-run page whose instructions, the bulk of its text, hold only ISO-8859-1 characters.
     */
    public static byte[] pageBytes(String name) {
        return name.equals(LATIN1_PAGE) ? latin1PageBytes(100) : pageBytes(Integer.parseInt(name));
    }

    /**
     * The same runs as {@link #pageBytes(int)}, with their instructions as ISO-8859-1 carries them
     * ({@code ?} for the few characters outside it): most real instructions are English. Metadata keeps
     * its unicode, so the page is mostly, not only, Latin-1.
     */
    public static byte[] latin1PageBytes(int runs) {
        List<Run> data = new ArrayList<>();
        for (Run run : RunFixtures.create(SEED, CLOCK).runs(THREAD_ID, runs)) {
            String instructions = run.instructions();
            data.add(instructions == null ? run : run.toBuilder()
                    .instructions(new String(instructions.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.ISO_8859_1))
                    .build());
        }
        return RunsJson.standard().writePage(page(data, false), true);
    }

    /**
     * The pages the fake API serves for a listing of {@code runs} (seeded as the pagination benchmark
     * seeds it) at {@link #PAGE_LIMIT}, newest first, each encoded pretty as the fake encodes it.
     */
    public static List<byte[]> listingPages(List<Run> ascending) {
        List<Run> newestFirst = new ArrayList<>(ascending);
        java.util.Collections.reverse(newestFirst);
        List<byte[]> pages = new ArrayList<>();
        for (int from = 0; from < newestFirst.size(); from += PAGE_LIMIT) {
            int to = Math.min(from + PAGE_LIMIT, newestFirst.size());
            pages.add(RunsJson.standard().writePage(page(newestFirst.subList(from, to), to < newestFirst.size()), true));
        }
        return pages;
    }

    /**
     * Writes the 20-run page to {@code args[0]} (default: the cold-start resource in the source tree),
     * so that the cold-start benchmark can read it without loading any JSON class first.
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path out = java.nio.file.Path.of(args.length > 0 ? args[0]
                : "src/main/resources" + ColdStartBenchmark.PAGE_RESOURCE);
        java.nio.file.Files.write(out, pageBytes(20));
        System.out.println("wrote " + out);
    }

    private static RunListResponse page(List<Run> data, boolean hasMore) {
        return new RunListResponse(data, data.isEmpty() ? null : data.get(0).id(),
                data.isEmpty() ? null : data.get(data.size() - 1).id(), hasMore);
    }
}
