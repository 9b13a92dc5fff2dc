package dev.runlist.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints one table of ratios against the baselines from a JMH JSON result ({@code -rf json}), each line
 * with its target and whether it is met. Ratios only: on a shared machine only figures from the same
 * run compare. Usage: {@code java -cp benchmarks.jar dev.runlist.bench.RatioTable target/jmh-result.json}.
 */
public final class RatioTable {

    private static final String PKG = "dev.runlist.bench.";

    private final JsonNode results;
    private final List<String[]> rows = new ArrayList<>();

    private RatioTable(JsonNode results) {
        this.results = results;
    }

    public static void main(String[] args) throws IOException {
        String file = args.length > 0 ? args[0] : "target/jmh-result.json";
        RatioTable table = new RatioTable(new ObjectMapper().readTree(new File(file)));
        table.build();
        System.out.print(table.render());
    }

    private void build() {
        for (String size : new String[] {"1", "20", "100"}) {
            boolean targeted = size.equals("100");
            double runlist = score("DecodeBenchmark.runlist", size);
            double scan = score("DecodeBenchmark.tokenScan", size);
            double scanStrings = score("DecodeBenchmark.tokenScanWithStrings", size);
            double databind = score("DecodeBenchmark.databindTree", size);
            double sdk = score("DecodeBenchmark.officialSdk", size);
            double alloc = secondary("DecodeBenchmark.runlist", size, "gc.alloc.rate.norm");
            int length = Fixtures.pageBytes(Integer.parseInt(size)).length;
            String page = "decode " + size + "-run page (" + length + " B)";
            row(page + ": runlist time / token-scan time", runlist / scan, "<= 1.50", targeted ? runlist / scan <= 1.5 : null);
            row(page + ": runlist time / token-scan-with-strings time", runlist / scanStrings, "(context)", null);
            row(page + ": runlist throughput / SDK throughput", sdk / runlist, ">= 8.00", targeted ? sdk / runlist >= 8 : null);
            row(page + ": runlist throughput / databind-tree throughput", databind / runlist, "(baseline)", null);
            row(page + ": runlist bytes allocated per input byte", alloc / length, "<= 1.50", targeted ? alloc / length <= 1.5 : null);
        }
        int pages = Fixtures.LISTING_RUNS / Fixtures.PAGE_LIMIT;
        long exceptions = ExceptionCheck.throwablesWhileDecoding(3, Fixtures.pageBytes(1), Fixtures.pageBytes(20),
                Fixtures.pageBytes(100));
        row("decode valid pages: throwables created (JFR, 3 x 3 pages)", exceptions, "0", exceptions == 0);

        double inMemory = score("PaginationBenchmark.runlistInMemory", null);
        double alone = score("PaginationBenchmark.decodePagesAlone", null);
        double jdk = score("PaginationBenchmark.runlistJdkHttp", null);
        double apache = score("PaginationBenchmark.runlistApacheHttp", null);
        double sdk = score("PaginationBenchmark.officialSdkHttp", null);
        row("list 10,000 runs in memory / decode the " + pages + " pages alone", inMemory / alone, "<= 1.15",
                inMemory / alone <= 1.15);
        double sdkRate = Fixtures.LISTING_RUNS / (sdk / 1000);
        row(String.format(Locale.ROOT, "list 10,000 over loopback HTTP: runlist-jdk runs/s / SDK runs/s (%.0f / %.0f)",
                Fixtures.LISTING_RUNS / (jdk / 1000), sdkRate), sdk / jdk, ">= 3.00", sdk / jdk >= 3);
        row(String.format(Locale.ROOT, "list 10,000 over loopback HTTP: runlist-apache runs/s / SDK runs/s (%.0f / %.0f)",
                Fixtures.LISTING_RUNS / (apache / 1000), sdkRate), sdk / apache, ">= 3.00", sdk / apache >= 3);
        double sdkRequests = requestsPerListing("PaginationBenchmark.officialSdkHttp");
        for (String[] client : new String[][] {{"runlist-in-memory", "runlistInMemory"}, {"runlist-jdk", "runlistJdkHttp"},
                {"runlist-apache", "runlistApacheHttp"}}) {
            double requests = requestsPerListing("PaginationBenchmark." + client[1]);
            row(String.format(Locale.ROOT, "requests per listing: %s / SDK", client[0]), requests, sdkRequests,
                    String.format(Locale.ROOT, "SDK - 1 = %.0f", sdkRequests - 1), requests == sdkRequests - 1);
        }

        double coldRunlist = score("ColdStartBenchmark.runlist", null);
        double coldSdk = score("ColdStartBenchmark.officialSdk", null);
        row(String.format(Locale.ROOT, "cold start, first 20-run decode: runlist / SDK (%.1f ms / %.1f ms)",
                coldRunlist, coldSdk), coldRunlist / coldSdk, "<= 0.15", coldRunlist / coldSdk <= 0.15);
    }

    private void row(String what, double value, String target, Boolean met) {
        rows.add(new String[] {what, String.format(Locale.ROOT, "%.3f", value), target, verdict(met)});
    }

    private void row(String what, double value, double baseline, String target, boolean met) {
        rows.add(new String[] {what, String.format(Locale.ROOT, "%.1f / %.1f", value, baseline), target, verdict(met)});
    }

    private static String verdict(Boolean met) {
        return met == null ? "(no target)" : met ? "met" : "MISSED";
    }

    private String render() {
        StringBuilder sb = new StringBuilder();
        sb.append("| measure | value | target | verdict |\n|---|---:|---|---|\n");
        for (String[] r : rows) {
            sb.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        return sb.toString();
    }

    private double requestsPerListing(String benchmark) {
        return secondary(benchmark, null, "requests") / secondary(benchmark, null, "listings");
    }

    private double score(String benchmark, String runs) {
        return find(benchmark, runs).path("primaryMetric").path("score").asDouble();
    }

    private double secondary(String benchmark, String runs, String metric) {
        JsonNode m = find(benchmark, runs).path("secondaryMetrics").path(metric);
        if (m.isMissingNode()) {
            throw new IllegalArgumentException(benchmark + " has no secondary metric " + metric
                    + " (was the run made with -prof gc?)");
        }
        return m.path("score").asDouble();
    }

    private JsonNode find(String benchmark, String runs) {
        for (JsonNode r : results) {
            if (r.path("benchmark").asText().equals(PKG + benchmark)
                    && (runs == null || runs.equals(r.path("params").path("runs").asText()))) {
                return r;
            }
        }
        throw new IllegalArgumentException("no result for " + benchmark + (runs == null ? "" : " runs=" + runs));
    }
}
