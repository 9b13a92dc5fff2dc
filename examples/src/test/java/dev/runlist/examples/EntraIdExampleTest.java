package dev.runlist.examples;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.credential.AccessToken;
import com.azure.core.credential.TokenCredential;
import com.azure.core.credential.TokenRequestContext;
import com.azure.identity.DefaultAzureCredentialBuilder;
import dev.runlist.RunsClient;
import dev.runlist.auth.BearerToken;
import dev.runlist.model.Run;
import dev.runlist.testing.FakeRunsApi;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

/**
 * The README's Microsoft Entra ID example, compiled against Azure Identity and run against the fake
 * as Azure OpenAI with a stand-in credential (no Azure account here).
 */
class EntraIdExampleTest {

    /** The README's example, word for word apart from where the endpoint and the credential come from. */
    static RunsClient entraIdClient(String endpoint, TokenCredential credential) {
        TokenRequestContext scope = new TokenRequestContext().addScopes("https://cognitiveservices.azure.com/.default");
        return RunsClient.builder()
                .azureEndpoint(endpoint)                          // e.g. https://my-resource.openai.azure.com
                .bearerToken(() -> {
                    AccessToken token = credential.getTokenSync(scope);
                    return BearerToken.of(token.getToken(), token.getExpiresAt().toInstant());
                })
                .build();
    }

    /** DefaultAzureCredential plugs in as the README shows; building the client asks for no token yet. */
    @Test
    void defaultAzureCredentialWiresIn() {
        TokenCredential credential = new DefaultAzureCredentialBuilder().build();
        try (RunsClient client = entraIdClient("https://my-resource.openai.azure.com", credential)) {
            assertThat(client.toString()).contains("/openai/v1").contains("bearer tokens <redacted>");
        }
    }

    /** Tokens from a credential reach Azure with the Cognitive Services scope, one per listing while valid. */
    @Test
    void credentialTokensListRunsFromAzure() {
        List<TokenRequestContext> asked = new CopyOnWriteArrayList<>();
        AtomicInteger issued = new AtomicInteger();
        TokenCredential credential = context -> {
            asked.add(context);
            return Mono.just(new AccessToken("entra-" + issued.incrementAndGet(), OffsetDateTime.now().plus(Duration.ofHours(1))));
        };
        try (FakeRunsApi azure = FakeRunsApi.builder().azure().build()) {
            azure.seedThread("thread_abc", 45, 3L);
            azure.grantToken("entra-1");
            try (RunsClient client = entraIdClient(azure.endpoint(), credential)) {
                List<Run> runs = client.listAll("thread_abc").stream().toList();
                assertThat(runs).hasSize(45);
            }
            assertThat(issued).hasValue(1);
            assertThat(asked).singleElement()
                    .satisfies(c -> assertThat(c.getScopes()).containsExactly("https://cognitiveservices.azure.com/.default"));
            assertThat(azure.requests()).hasSize(3)
                    .allSatisfy(r -> assertThat(r.header("Authorization")).contains("Bearer entra-1"));
        }
    }
}
