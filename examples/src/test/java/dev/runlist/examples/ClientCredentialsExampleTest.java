package dev.runlist.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.runlist.RunsClient;
import dev.runlist.auth.BearerToken;
import dev.runlist.auth.TokenSupplier;
import dev.runlist.testing.FakeRunsApi;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The README's OAuth2 client-credentials example, run against a loopback token endpoint and the fake
 * as a self-hosted OpenAI-compatible server that accepts the tokens it issues.
 */
class ClientCredentialsExampleTest {

    /** The README's example: any OAuth2 provider's token endpoint, with the JDK's HTTP client and Jackson. */
    static TokenSupplier clientCredentials(URI tokenEndpoint, String clientId, String clientSecret, String scope) {
        HttpClient http = HttpClient.newHttpClient();
        ObjectMapper json = new ObjectMapper();
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + clientSecret).getBytes(StandardCharsets.UTF_8));
        return () -> {
            HttpRequest request = HttpRequest.newBuilder(tokenEndpoint)
                    .timeout(Duration.ofSeconds(10))
                    .header("Authorization", "Basic " + basic)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(
                            "grant_type=client_credentials&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8)))
                    .build();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("token endpoint answered " + response.statusCode());
            }
            JsonNode body = json.readTree(response.body());
            return BearerToken.of(body.get("access_token").asText(),
                    Instant.now().plusSeconds(body.get("expires_in").asLong()));
        };
    }

    @Test
    void tokensFromAnOAuth2ProviderListRunsFromASelfHostedServer() throws Exception {
        List<Map<String, String>> grants = new CopyOnWriteArrayList<>();
        HttpServer provider = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        try (FakeRunsApi server = FakeRunsApi.create()) {
            server.seedThread("thread_abc", 30, 5L);
            provider.createContext("/oauth2/token", exchange -> {
                Map<String, String> form = new HashMap<>();
                for (String pair : new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8).split("&")) {
                    String[] kv = pair.split("=", 2);
                    form.put(kv[0], URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
                }
                form.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
                grants.add(form);
                String token = "oauth-token-" + grants.size();
                server.grantToken(token);
                byte[] body = ("{\"access_token\":\"" + token + "\",\"token_type\":\"Bearer\",\"expires_in\":3599}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            provider.start();
            URI tokenEndpoint = URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/oauth2/token");

            try (RunsClient client = RunsClient.builder()
                    .baseUrl(server.baseUrl())                     // the self-hosted server
                    .bearerToken(clientCredentials(tokenEndpoint, "runlist-reader", "s3cret", "runs.read"))
                    .build()) {
                assertThat(client.listAll("thread_abc").stream().count()).isEqualTo(30);
                assertThat(client.list("thread_abc").data()).hasSize(20);
            }
            assertThat(grants).singleElement().satisfies(g -> {
                assertThat(g).containsEntry("grant_type", "client_credentials").containsEntry("scope", "runs.read");
                assertThat(g.get("authorization")).isEqualTo("Basic "
                        + Base64.getEncoder().encodeToString("runlist-reader:s3cret".getBytes(StandardCharsets.UTF_8)));
            });
            assertThat(server.requests()).hasSize(3)
                    .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer oauth-token-1"));
        } finally {
            provider.stop(0);
        }
    }
}
