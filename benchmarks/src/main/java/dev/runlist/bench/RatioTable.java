package dev.runlist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Prints one table of ratios against the baselines from a JMH JSON result ({@code -rf json}), each line
 * with its target and whether it is met. Ratios only: on a shared machine only figures from the same
 * run compare. Usage: {@code java -cp benchmarks.jar dev.runlist.bench.RatioTable target/jmh-result.json}.
 */
public final class RatioTable {

    private static final String PKG = "dev.runlist.bench.";
    /** Value and verdict of a row whose benchmarks are not in the results. */
    private static final String NOT_RUN = "(not run)";

    private final JsonNode results;
    private final List<String[]> rows = new ArrayList<>();

    private final Properties versions = new Properties();
    private final String load;

    private RatioTable(JsonNode results, String load) throws IOException {
        this.results = results;
        this.load = load;
        try (InputStream in = RatioTable.class.getResourceAsStream("versions.properties")) {
            versions.load(in);
        }
    }

    /**
     * Prints the table of {@code args[0]} (default {@code target/jmh-result.json}); {@code args[1]}, when
     * given, is the file of load-average samples that {@code run.sh} took during the run, summarised
     * below the table.
     *
     * @param args the JMH result file and, optionally, the load samples
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        String file = args.length > 0 ? args[0] : "target/jmh-result.json";
        String load = args.length > 1 ? LoadSamples.summary(Path.of(args[1])) : null;
        RatioTable table = new RatioTable(new ObjectMapper().readTree(new File(file)), load);
        table.build();
        System.out.print(table.render());
    }

    private void build() {
        for (String name : Fixtures.PAGES) {
            // The targets are for pages of 20 and 100 runs; the 1-run page is context.
            boolean targeted = !name.equals("1");
            boolean latin1 = name.equals(Fixtures.LATIN1_PAGE);
            double runlist = score("DecodeBenchmark.runlist", name);
            double scan = score("DecodeBenchmark.tokenScan", name);
            double scanStrings = score("DecodeBenchmark.tokenScanWithStrings", name);
            double databind = score("DecodeBenchmark.databindTree", name);
            double sdk = score("DecodeBenchmark.officialSdk", name);
            double alloc = secondary("DecodeBenchmark.runlist", name, "gc.alloc.rate.norm");
            double scanStringsAlloc = secondary("DecodeBenchmark.tokenScanWithStrings", name, "gc.alloc.rate.norm");
            int length = Fixtures.pageBytes(name).length;
            String page = "decode " + (latin1 ? "100-run Latin-1 page" : name + "-run page") + " (" + length + " B)";
            row(page + ": runlist time / token-scan time", runlist / scan, "(context)", null, "");
            row(page + ": runlist time / token-scan-with-strings time", runlist / scanStrings, "<= 1.15",
                    targeted ? runlist / scanStrings <= 1.15 : null, "");
            row(page + ": runlist throughput / databind-tree throughput", databind / runlist, ">= 1.15",
                    targeted ? databind / runlist >= 1.15 : null, "jackson-databind " + versions.getProperty("jackson"));
            row(page + ": runlist throughput / SDK throughput", sdk / runlist, ">= 8.00",
                    targeted ? sdk / runlist >= 8 : null, sdkVersion());
            row(page + ": runlist bytes allocated per input byte (token-scan-with-strings: "
                    + String.format(Locale.ROOT, "%.3f", scanStringsAlloc / length) + ")", alloc / length,
                    latin1 ? "<= 1.50" : "(context)", latin1 ? alloc / length <= 1.5 : null, "");
        }
        int pages = Fixtures.LISTING_RUNS / Fixtures.PAGE_LIMIT;
        byte[][] decoded = Fixtures.PAGES.stream().map(Fixtures::pageBytes).toArray(byte[][]::new);
        long exceptions = ExceptionCheck.throwablesWhileDecoding(3, decoded);
        row("decode valid pages: throwables created (JFR, 3 x " + decoded.length + " pages)", exceptions, "0",
                exceptions == 0, "");

        double inMemory = score("PaginationBenchmark.runlistInMemory", null);
        double alone = score("PaginationBenchmark.decodePagesAlone", null);
        double jdk = score("PaginationBenchmark.runlistJdkHttp", null);
        double apache = score("PaginationBenchmark.runlistApacheHttp", null);
        double sdk = score("PaginationBenchmark.officialSdkHttp", null);
        row("list 10,000 runs in memory / decode the " + pages + " pages alone", inMemory / alone, "<= 1.15",
                inMemory / alone <= 1.15, "");
        double sdkRate = Fixtures.LISTING_RUNS / (sdk / 1000);
        row(String.format(Locale.ROOT, "list 10,000 over loopback HTTP: runlist-jdk runs/s / SDK runs/s (%.0f / %.0f)",
                Fixtures.LISTING_RUNS / (jdk / 1000), sdkRate), sdk / jdk, ">= 3.00", sdk / jdk >= 3, sdkVersion());
        row(String.format(Locale.ROOT, "list 10,000 over loopback HTTP: runlist-apache runs/s / SDK runs/s (%.0f / %.0f)",
                Fixtures.LISTING_RUNS / (apache / 1000), sdkRate), sdk / apache, ">= 3.00", sdk / apache >= 3,
                sdkVersion());
        double sdkRequests = requestsPerListing("PaginationBenchmark.officialSdkHttp");
        for (String[] client : new String[][] {{"runlist-in-memory", "runlistInMemory"}, {"runlist-jdk", "runlistJdkHttp"},
                {"runlist-apache", "runlistApacheHttp"}}) {
            double requests = requestsPerListing("PaginationBenchmark." + client[1]);
            row(String.format(Locale.ROOT, "requests per listing: %s / SDK", client[0]), requests, sdkRequests,
                    "(context)", sdkVersion());
        }

        double coldRunlist = score("ColdStartBenchmark.runlist", null);
        double coldSdk = score("ColdStartBenchmark.officialSdk", null);
        row(String.format(Locale.ROOT, "cold start, first 20-run decode: runlist / SDK (%.1f ms / %.1f ms)",
                coldRunlist, coldSdk), coldRunlist / coldSdk, "(context)", null, sdkVersion());
    }

    private void row(String what, double value, String target, Boolean met, String baseline) {
        if (Double.isNaN(value)) {
            rows.add(new String[] {what, NOT_RUN, target, NOT_RUN, baseline});
            return;
        }
        rows.add(new String[] {what, String.format(Locale.ROOT, "%.3f", value), target, verdict(met), baseline});
    }

    private void row(String what, double value, double baseline, String target, String version) {
        if (Double.isNaN(value) || Double.isNaN(baseline)) {
            rows.add(new String[] {what, NOT_RUN, target, NOT_RUN, version});
            return;
        }
        rows.add(new String[] {what, String.format(Locale.ROOT, "%.1f / %.1f", value, baseline), target, verdict(null),
                version});
    }

    private String sdkVersion() {
        return "openai-java " + versions.getProperty("openai-java");
    }

    private static String verdict(Boolean met) {
        return met == null ? "(no target)" : met ? "met" : "MISSED";
    }

    private String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("| measure | value | target | verdict | baseline version |\n|---|---:|---|---|---|\n");
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        if (load != null) {
            sb.append("\n").append(load).append("\n");
        }
        return sb.toString();
    }

    private double requestsPerListing(String benchmark) {
        return secondary(benchmark, null, "requests") / secondary(benchmark, null, "listings");
    }

    /** The benchmark's score; NaN when the results hold no such benchmark (a subset was run). */
    private double score(String benchmark, String page) {
        JsonNode result = find(benchmark, page);
        return result == null ? Double.NaN : result.path("primaryMetric").path("score").asDouble();
    }

    private double secondary(String benchmark, String page, String metric) {
        JsonNode result = find(benchmark, page);
        if (result == null) {
            return Double.NaN;
        }
        JsonNode m = result.path("secondaryMetrics").path(metric);
        if (m.isMissingNode()) {
            throw new IllegalArgumentException(benchmark + " has no secondary metric " + metric
                    + " (was the run made with -prof gc?)");
        }
        return m.path("score").asDouble();
    }

    private JsonNode find(String benchmark, String page) {
        for (JsonNode r : results) {
            if (r.path("benchmark").asText().equals(PKG + benchmark)
                    && (page == null || page.equals(r.path("params").path("page").asText()))) {
                return r;
            }
        }
        return null;
    }
}
