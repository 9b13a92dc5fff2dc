package dev.runlist.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** The ratio table, from a JMH result written by hand. */
class RatioTableTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A time ratio is given of JMH's scores, which the verdict rests on, and of each benchmark's fastest
     * iteration over all its forks.
     */
    @Test
    void aRatioIsGivenOfTheScoresAndOfTheFastestIterations() throws IOException {
        ArrayNode results = JSON.createArrayNode();
        // runlist: mean 1.3, fastest 1.0; string scan: mean 1.0 (one slow iteration), fastest 0.5
        results.add(result("DecodeBenchmark.runlist", "100", 1.3, new double[][] {{1.6, 1.0}, {1.3, 1.3}}));
        results.add(result("DecodeBenchmark.tokenScanWithStrings", "100", 1.0, new double[][] {{0.5, 1.5}, {1.0, 1.0}}));

        String table = RatioTable.table(results, "load: quiet");

        assertThat(table).startsWith("| measure | value | fastest iterations | target | verdict | baseline version |");
        assertThat(table).contains("| decode 100-run page (" + Fixtures.pageBytes(100).length
                + " B): runlist time / token-scan-with-strings time | 1.300 | 2.000 | <= 1.15 | MISSED |  |");
        assertThat(table).endsWith("\nload: quiet\n");
    }

    /** A row whose benchmarks were not run says so in every column it cannot fill. */
    @Test
    void aBenchmarkNotRunLeavesItsRowsUnfilled() throws IOException {
        String table = RatioTable.table(JSON.createArrayNode(), null);

        assertThat(table).contains("| list 10,000 runs in memory / decode the 100 pages alone | (not run) | (not run) "
                + "| <= 1.15 | (not run) |  |");
    }

    private static JsonNode result(String benchmark, String page, double score, double[][] forks) {
        ObjectNode r = JSON.createObjectNode();
        r.put("benchmark", "dev.runlist.bench." + benchmark);
        r.putObject("params").put("page", page);
        ObjectNode metric = r.putObject("primaryMetric");
        metric.put("score", score);
        ArrayNode raw = metric.putArray("rawData");
        for (double[] fork : forks) {
            ArrayNode iterations = raw.addArray();
            for (double t : fork) {
                iterations.add(t);
            }
        }
        r.putObject("secondaryMetrics").putObject("gc.alloc.rate.norm").put("score", 1000.0);
        return r;
    }
}
