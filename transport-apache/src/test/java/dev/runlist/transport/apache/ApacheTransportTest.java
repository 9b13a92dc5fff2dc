package dev.runlist.transport.apache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.spi.Headers;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportProvider;
import dev.runlist.spi.TransportRequest;
import dev.runlist.spi.TransportResponse;
import dev.runlist.transport.tck.HeaderEchoServer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.impl.async.CloseableHttpAsyncClient;
import org.apache.hc.client5.http.impl.async.HttpAsyncClients;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.http.message.BasicHeader;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.reactor.IOReactorStatus;
import org.junit.jupiter.api.Test;

/** What the Apache transport does beyond the conformance suite: discovery and clients of the user's. */
class ApacheTransportTest {

    /** ServiceLoader finds the "apache" provider with priority 200, and its transport works. */
    @Test
    void providerIsFoundByServiceLoaderAndCreatesAWorkingTransport() throws Exception {
        List<TransportProvider> found = ServiceLoader.load(TransportProvider.class).stream()
                .map(ServiceLoader.Provider::get)
                .filter(p -> p.name().equals("apache"))
                .collect(Collectors.toList());
        assertThat(found).hasSize(1);
        assertThat(found.get(0)).isInstanceOf(ApacheTransportProvider.class);
        assertThat(found.get(0).priority()).isEqualTo(200);
        try (HeaderEchoServer server = new HeaderEchoServer();
                Transport t = found.get(0).create(TransportConfig.defaults());
                TransportResponse r = t.execute(TransportRequest.get(server.uri("/x"), Headers.of(Map.of("X-Probe", "hi"))))) {
            assertThat(r.status()).isEqualTo(200);
            assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hi");
        }
    }

    /** Clients given to the builder are used as is (their default header arrives) and stay open after close(). */
    @Test
    void userBuiltClientsAreUsedAndNotClosed() throws Exception {
        CloseableHttpClient userClassic = HttpClients.custom()
                .setDefaultHeaders(List.of(new BasicHeader("X-Probe", "classic-user")))
                .build();
        CloseableHttpAsyncClient userAsync = HttpAsyncClients.custom()
                .setDefaultHeaders(List.of(new BasicHeader("X-Probe", "async-user")))
                .build();
        userAsync.start();
        try (HeaderEchoServer server = new HeaderEchoServer()) {
            Transport t = ApacheTransport.builder().httpClient(userClassic).httpAsyncClient(userAsync).build();
            try (TransportResponse r = t.execute(TransportRequest.get(server.uri("/x"), Headers.empty()))) {
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("classic-user");
            }
            try (TransportResponse r = t.executeAsync(TransportRequest.get(server.uri("/x"), Headers.empty()))
                    .get(10, TimeUnit.SECONDS)) {
                assertThat(new String(r.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("async-user");
            }
            t.close();
            assertThat(userAsync.getStatus()).isEqualTo(IOReactorStatus.ACTIVE);
            String after = userClassic.execute(new HttpGet(server.uri("/x")), response -> EntityUtils.toString(response.getEntity()));
            assertThat(after).isEqualTo("classic-user");
        } finally {
            userClassic.close(CloseMode.GRACEFUL);
            userAsync.close(CloseMode.GRACEFUL);
        }
    }
}
