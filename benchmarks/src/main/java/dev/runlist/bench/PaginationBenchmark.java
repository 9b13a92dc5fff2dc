package dev.runlist.bench;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.beta.threads.runs.RunListParams;
import dev.runlist.ListRunsParams;
import dev.runlist.RunsClient;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.FakeRunsApi;
import dev.runlist.transport.apache.ApacheTransportProvider;
import dev.runlist.transport.jdk.JdkTransportProvider;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Listing all 10,000 runs of one thread at {@code limit=100}, as each client's auto-pager does it:
 * runlist over the fake's in-memory transport, runlist over loopback HTTP with the JDK and the Apache
 * transport, and the official SDK over the same loopback server; plus decoding the same 100 pages alone
 * (pre-encoded) as the in-memory floor. Each listing's request count is reported as the secondary
 * metrics {@code requests} and {@code listings}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(1)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class PaginationBenchmark {

    /** The fake, seeded once per trial, and a client of each kind on it. */
    @State(Scope.Benchmark)
    public static class Server {
        /** Runs in the listed thread; the smoke test lists fewer to stay fast. */
        @Param({"" + Fixtures.LISTING_RUNS})
        public int listingRuns;

        FakeRunsApi fake;
        RunsClient inMemory;
        RunsClient jdk;
        RunsClient apache;
        OpenAIClient sdk;
        List<byte[]> pages;

        @Setup(Level.Trial)
        public void setUp() {
            fake = FakeRunsApi.builder().clock(Fixtures.CLOCK).build();
            List<Run> seeded = fake.seedThread(Fixtures.THREAD_ID, listingRuns, Fixtures.SEED);
            pages = Fixtures.listingPages(seeded);
            String baseUrl = fake.startHttp();
            inMemory = client("http://fake.runlist.invalid/v1", fake.transport());
            jdk = client(baseUrl, new JdkTransportProvider().create(TransportConfig.defaults()));
            apache = client(baseUrl, new ApacheTransportProvider().create(TransportConfig.defaults()));
            sdk = OpenAIOkHttpClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).baseUrl(baseUrl).build();

            check("decode alone", decodeAlone(pages), -1);
            int pages = (listingRuns + Fixtures.PAGE_LIMIT - 1) / Fixtures.PAGE_LIMIT;
            check("runlist in memory", () -> list(inMemory), pages);
            check("runlist jdk", () -> list(jdk), pages);
            check("runlist apache", () -> list(apache), pages);
            check("official SDK", () -> listSdk(sdk), -1);
        }

        private RunsClient client(String baseUrl, Transport transport) {
            return RunsClient.builder().apiKey(FakeRunsApi.DEFAULT_API_KEY).baseUrl(baseUrl).transport(transport).build();
        }

        /** Asserts a listing sees every run and prints its request count (expected, when not -1). */
        private void check(String name, IntSupplier listing, int expectedRequests) {
            int before = fake.requestCount();
            int runs = listing.getAsInt();
            int requests = fake.requestCount() - before;
            if (runs != listingRuns) {
                throw new IllegalStateException(name + " listed " + runs + " runs, not " + listingRuns);
            }
            if (expectedRequests >= 0 && requests != expectedRequests) {
                throw new IllegalStateException(name + " made " + requests + " requests, not " + expectedRequests);
            }
            System.out.println("# " + name + ": " + runs + " runs in " + requests + " requests");
            fake.clearJournal();
        }

        /** The journal grows by one entry per request; keep it from growing across iterations. */
        @Setup(Level.Iteration)
        public void clearJournal() {
            fake.clearJournal();
        }

        @TearDown(Level.Trial)
        public void tearDown() {
            inMemory.close();
            jdk.close();
            apache.close();
            sdk.close();
            fake.close();
        }
    }

    /** Requests and listings made during an iteration; their ratio is the requests per listing. */
    @State(Scope.Thread)
    @AuxCounters(AuxCounters.Type.EVENTS)
    public static class Requests {
        public long requests;
        public long listings;

        @Setup(Level.Iteration)
        public void reset() {
            requests = 0;
            listings = 0;
        }

        int count(Server server, IntSupplier listing) {
            int before = server.fake.requestCount();
            int runs = listing.getAsInt();
            requests += server.fake.requestCount() - before;
            listings++;
            return runs;
        }
    }

    static int list(RunsClient client) {
        int sum = 0;
        int n = 0;
        for (Run run : client.listAll(Fixtures.THREAD_ID, ListRunsParams.builder().limit(Fixtures.PAGE_LIMIT).build())) {
            sum += run.id().hashCode() + run.status().value().hashCode();
            n++;
        }
        return sum == 42 ? n + 1 : n; // keeps the hashing alive; a listing never sums to exactly 42 here
    }

    static int listSdk(OpenAIClient client) {
        int sum = 0;
        int n = 0;
        RunListParams params = RunListParams.builder().threadId(Fixtures.THREAD_ID).limit(Fixtures.PAGE_LIMIT).build();
        for (com.openai.models.beta.threads.runs.Run run : client.beta().threads().runs().list(params).autoPager()) {
            sum += run.id().hashCode() + run.status().toString().hashCode();
            n++;
        }
        return sum == 42 ? n + 1 : n;
    }

    static IntSupplier decodeAlone(List<byte[]> pages) {
        return () -> {
            int sum = 0;
            int n = 0;
            for (byte[] page : pages) {
                for (Run run : RunsJson.standard().readPage(new ByteArrayInputStream(page)).data()) {
                    sum += run.id().hashCode() + run.status().value().hashCode();
                    n++;
                }
            }
            return sum == 42 ? n + 1 : n;
        };
    }

    /** runlist's auto-pager over the fake's in-memory transport (no sockets). */
    @Benchmark
    public int runlistInMemory(Server s, Requests r) {
        return r.count(s, () -> list(s.inMemory));
    }

    /** runlist over loopback HTTP with the java.net.http transport. */
    @Benchmark
    public int runlistJdkHttp(Server s, Requests r) {
        return r.count(s, () -> list(s.jdk));
    }

    /** runlist over loopback HTTP with the Apache HttpClient 5 transport. */
    @Benchmark
    public int runlistApacheHttp(Server s, Requests r) {
        return r.count(s, () -> list(s.apache));
    }

    /** The official SDK's auto-pager over the same loopback server. */
    @Benchmark
    public int officialSdkHttp(Server s, Requests r) {
        return r.count(s, () -> listSdk(s.sdk));
    }

    /** Floor of the in-memory listing: decoding the same 100 pages, pre-encoded, alone. */
    @Benchmark
    public int decodePagesAlone(Server s) {
        return decodeAlone(s.pages).getAsInt();
    }
}
