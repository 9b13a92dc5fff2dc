package dev.runlist.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.RunsClient;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.FakeRunsApi;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * One client over the transport under test shared by many threads: every listing is right, and
 * {@code close()} leaves no thread running and no connection open.
 *
 * <p>A transport subscribes by extending this class and implementing {@link #createTransport}; a
 * test it cannot pass may be overridden in the subclass with a comment saying why. Each test gets a
 * fresh fake; transports made through {@link #transport(TransportConfig)} are closed after it. Each
 * test takes at most 60 seconds.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
public abstract class SharedClientSuite extends ClientSuiteSupport {

    /** For subclasses, which JUnit instantiates once per test. */
    protected SharedClientSuite() {}

    // ---- concurrency -----------------------------------------------------------------------------

    /** One client shared by 32 threads lists 32 threads' runs 3 times each without error or cross-talk, then close() leaves no threads or connections. */
    @Test
    void oneClientSharedByManyThreadsThenClosedLeavesNothingBehind() throws Exception {
        int threads = 32;
        List<List<String>> expected = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            fake.seedThread("thread_c" + i, 300, 100 + i);
            expected.add(ids(apiOrder(fake.runs("thread_c" + i))));
        }
        Set<Thread> before = TransportSuiteSupport.transportThreads();
        CountingServer relay = closeLater(CountingServer.relayTo(java.net.URI.create(baseUrl).getPort()));
        Transport t = createTransport(config());
        RunsClient client = client("http://127.0.0.1:" + relay.port() + "/v1", FakeRunsApi.DEFAULT_API_KEY, 2, t);
        AtomicInteger listed = new AtomicInteger();
        listConcurrently(client, expected, listed);
        assertThat(listed.get()).isEqualTo(threads * 3 * 300);
        assertThat(fake.requestCount()).isEqualTo(threads * 3 * 15);
        int connections = relay.acceptedConnections();
        assertThat(connections).as("connections opened").isBetween(1, TransportConfig.DEFAULT_MAX_CONNECTIONS);

        String transportName = transportName(t);
        client.close();
        t.close();
        t = null;
        client = null;
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        List<String> leaked;
        do {
            // The JDK client's selector thread ends only once the client is unreachable.
            System.gc();
            Thread.sleep(100);
            leaked = TransportSuiteSupport.transportThreads().stream()
                    .filter(th -> !before.contains(th))
                    .map(Thread::getName)
                    .filter(name -> !name.startsWith("runlist-fake-"))
                    .collect(Collectors.toList());
        } while ((!leaked.isEmpty() || relay.openConnections() > 0) && System.nanoTime() < deadline);
        assertThat(leaked).as("threads left running after close()").isEmpty();
        assertThat(relay.openConnections()).as("connections left open after close()").isZero();
        System.out.println("shared client [" + transportName + "]: " + threads + " threads x 3 listings x 300 runs, "
                + threads * 3 * 15 + " requests over " + connections + " connections, all closed");
    }
}
