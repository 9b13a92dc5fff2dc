package dev.runlist.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportProvider;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import dev.runlist.transport.tck.HeaderEchoServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What the JDK transport does beyond the conformance suite: discovery and a client of the user's. */
class JdkTransportTest {

    /** ServiceLoader finds the "jdk" provider with priority 100, and its transport works. */
    @Test
    void providerIsFoundByServiceLoaderAndCreatesAWorkingTransport() throws Exception {
        List<TransportProvider> found = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("jdk"))
                .collect(Collectors.toList());
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(JdkTransportProvider.class);
        assertThat(found.get(0).priority()).isEqualTo(100);
        try (HeaderEchoServer server = new HeaderEchoServer();
                Transport t = found.get(0).create(TransportConfig.defaults());
                TransportResponse r = t.execute(TransportRequest.get(server.uri("/x"), Headers.of(java.util.Map.of("X-Probe", "hi"))))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi");
        }
    }

    /** A client given to the builder is used as is (it follows redirects here) and still works after close(). */
    @Test
    void userBuiltClientIsUsedAndNotClosed() throws Exception {
        ExecutorService userExecutor = Executors.newFixedThreadPool(2);
        HttpClient userClient = HttpClient.newBuilder()
                .executor(userExecutor)
                .followRedirects(HttpClient.Redirect.ALWAYS)
                .build();
        try (HeaderEchoServer server = new HeaderEchoServer()) {
            Transport t = JdkTransport.builder().httpClient(userClient).build();
            TransportRequest redirect = TransportRequest.get(server.uri("/redirect"), Headers.of(java.util.Map.of("X-Probe", "followed")));
            try (TransportResponse r = t.execute(redirect)) {
                assertThat(r.status()).as("the user's client follows redirects").isEqualTo(200);
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("followed");
            }
            t.close();
            assertThat(userExecutor.isShutdown()).as("user's executor shut down").isFalse();
            HttpResponse<String> after = userClient.send(
                    HttpRequest.newBuilder(server.uri("/x")).header("X-Probe", "still").build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(after.body()).isEqualTo("still");
            assertThatThrownBy(() -> t.execute(redirect)).isInstanceOf(IllegalStateException.class);
        } finally {
            userExecutor.shutdownNow();
        }
    }
}
