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
 * run compare. Each time ratio is given twice: of JMH's scores (the mean of every measured iteration),
 * on which the verdict rests, and of the fastest iteration of each benchmark, which a neighbour's load
 * slows least (a verdict that the second contradicts is noise). Usage:
 * {@code java -cp benchmarks.jar dev.runlist.bench.RatioTable target/jmh-result.json}.
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
        System.out.print(table(new ObjectMapper().readTree(new File(file)), load));
    }

    /** The table of {@code results} (JMH's JSON), with the load summary {@code load} (or null) below it. */
    static String table(JsonNode results, String load) throws IOException {
        RatioTable table = new RatioTable(results, load);
        table.build();
        return table.render();
    }

    private void build() {
        for (String name : Fixtures.PAGES) {
            // The targets are for pages of 20 and 100 runs; the 1-run page is context.
            boolean targeted = !name.equals("1");
            boolean latin1 = name.equals(Fixtures.LATIN1_PAGE);
            Time runlist = time("DecodeBenchmark.runlist", name);
            Time scan = time("DecodeBenchmark.tokenScan", name);
            Time scanStrings = time("DecodeBenchmark.tokenScanWithStrings", name);
            Time databind = time("DecodeBenchmark.databindTree", name);
            Time sdk = time("DecodeBenchmark.officialSdk", name);
            double alloc = secondary("DecodeBenchmark.runlist", name, "gc.alloc.rate.norm");
            double scanStringsAlloc = secondary("DecodeBenchmark.tokenScanWithStrings", name, "gc.alloc.rate.norm");
            int length = Fixtures.pageBytes(name).length;
            String page = "decode " + (latin1 ? "100-run Latin-1 page" : name + "-run page") + " (" + length + " B)";
            row(page + ": runlist time / token-scan time", runlist.over(scan), "(context)", null, "");
            Ratio overStrings = runlist.over(scanStrings);
            row(page + ": runlist time / token-scan-with-strings time", overStrings, "<= 1.15",
                    targeted ? overStrings.score <= 1.15 : null, "");
            Ratio overTree = databind.over(runlist);
            row(page + ": runlist throughput / databind-tree throughput", overTree, ">= 1.15",
                    targeted ? overTree.score >= 1.15 : null, "jackson-databind " + versions.getProperty("jackson"));
            Ratio overSdk = sdk.over(runlist);
            row(page + ": runlist throughput / SDK throughput", overSdk, ">= 8.00",
                    targeted ? overSdk.score >= 8 : null, sdkVersion());
            row(page + ": runlist bytes allocated per input byte (token-scan-with-strings: "
                    + String.format(Locale.ROOT, "%.3f", scanStringsAlloc / length) + ")", alloc / length,
                    latin1 ? "<= 1.50" : "(context)", latin1 ? alloc / length <= 1.5 : null, "");
        }
        int pages = Fixtures.LISTING_RUNS / Fixtures.PAGE_LIMIT;
        byte[][] decoded = Fixtures.PAGES.stream().map(Fixtures::pageBytes).toArray(byte[][]::new);
        long exceptions = ExceptionCheck.throwablesWhileDecoding(3, decoded);
        row("decode valid pages: throwables created (JFR, 3 x " + decoded.length + " pages)", exceptions, "0",
                exceptions == 0, "");

        Ratio inMemory = time("PaginationBenchmark.runlistInMemory", null)
                .over(time("PaginationBenchmark.decodePagesAlone", null));
        Time jdk = time("PaginationBenchmark.runlistJdkHttp", null);
        Time apache = time("PaginationBenchmark.runlistApacheHttp", null);
        Time sdk = time("PaginationBenchmark.officialSdkHttp", null);
        row("list 10,000 runs in memory / decode the " + pages + " pages alone", inMemory, "<= 1.15",
                inMemory.score <= 1.15, "");
        double sdkRate = Fixtures.LISTING_RUNS / (sdk.score / 1000);
        Ratio jdkOverSdk = sdk.over(jdk);
        row(String.format(Locale.ROOT, "list 10,000 over loopback HTTP: runlist-jdk runs/s / SDK runs/s (%.0f / %.0f)",
                Fixtures.LISTING_RUNS / (jdk.score / 1000), sdkRate), jdkOverSdk, ">= 3.00", jdkOverSdk.score >= 3,
                sdkVersion());
        Ratio apacheOverSdk = sdk.over(apache);
        row(String.format(Locale.ROOT, "list 10,000 over loopback HTTP: runlist-apache runs/s / SDK runs/s (%.0f / %.0f)",
                Fixtures.LISTING_RUNS / (apache.score / 1000), sdkRate), apacheOverSdk, ">= 3.00",
                apacheOverSdk.score >= 3, sdkVersion());
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
            rows.add(new String[] {what, NOT_RUN, "", target, NOT_RUN, baseline});
            return;
        }
        rows.add(new String[] {what, format(value), "", target, verdict(met), baseline});
    }

    private void row(String what, Ratio ratio, String target, Boolean met, String baseline) {
        if (Double.isNaN(ratio.score)) {
            rows.add(new String[] {what, NOT_RUN, NOT_RUN, target, NOT_RUN, baseline});
            return;
        }
        rows.add(new String[] {what, format(ratio.score), format(ratio.fastest), target, verdict(met), baseline});
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    private void row(String what, double value, double baseline, String target, String version) {
        if (Double.isNaN(value) || Double.isNaN(baseline)) {
            rows.add(new String[] {what, NOT_RUN, "", target, NOT_RUN, version});
            return;
        }
        rows.add(new String[] {what, String.format(Locale.ROOT, "%.1f / %.1f", value, baseline), "", target,
                verdict(null), version});
    }

    private String sdkVersion() {
        return "openai-java " + versions.getProperty("openai-java");
    }

    private static String verdict(Boolean met) {
        return met == null ? "(no target)" : met ? "met" : "MISSED";
    }

    private String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("| measure | value | fastest iterations | target | verdict | baseline version |\n"
                + "|---|---:|---:|---|---|---|\n");
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

    /** A benchmark's time per operation: JMH's score and its fastest measured iteration. */
    private record Time(double score, double fastest) {
        /** This time over {@code other}, by score and by fastest iteration. */
        Ratio over(Time other) {
            return new Ratio(score / other.score, fastest / other.fastest);
        }
    }

    /** A ratio of two times, of their scores and of their fastest iterations. */
    private record Ratio(double score, double fastest) {}

    /** The benchmark's time; NaN when the results hold no such benchmark (a subset was run). */
    private Time time(String benchmark, String page) {
        JsonNode result = find(benchmark, page);
        if (result == null) {
            return new Time(Double.NaN, Double.NaN);
        }
        JsonNode metric = result.path("primaryMetric");
        double fastest = Double.POSITIVE_INFINITY;
        for (JsonNode fork : metric.path("rawData")) {
            for (JsonNode iteration : fork) {
                fastest = Math.min(fastest, iteration.asDouble());
            }
        }
        return new Time(metric.path("score").asDouble(), fastest == Double.POSITIVE_INFINITY ? Double.NaN : fastest);
    }

    /** The benchmark's score; NaN when the results hold no such benchmark (a subset was run). */
    private double score(String benchmark, String page) {
        return time(benchmark, page).score;
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
