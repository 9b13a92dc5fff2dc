package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.auth.BearerToken;
import dev.runlist.auth.TokenSupplier;
import dev.runlist.errors.AuthenticationException;
import dev.runlist.errors.CredentialException;
import dev.runlist.spi.TransportRequest;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Token authentication through a scripted transport: when the supplier is asked, what is sent, what is never shown. */
class BearerTokenTest {

    private static final Instant IN_AN_HOUR = Instant.now().plus(Duration.ofHours(1));

    private final ScriptedTransport transport = new ScriptedTransport();

    /** A supplier handing out the given tokens in order, counting its calls. */
    private static final class Tokens implements TokenSupplier {
        final Deque<BearerToken> left = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();

        Tokens(BearerToken... tokens) {
            left.addAll(List.of(tokens));
        }

        @Override
        public synchronized BearerToken token() {
            calls.incrementAndGet();
            BearerToken next = left.poll();
            if (next == null) {
                throw new AssertionError("the supplier was asked once too often");
            }
            return next;
        }
    }

    private RunsClient client(TokenSupplier tokens) {
        return RunsClient.builder().bearerToken(tokens).transport(transport).maxRetries(0).build();
    }

    private List<String> sentAuthorizations() {
        return transport.requests().stream().map(TransportRequest::headers)
                .map(h -> h.firstValue("Authorization").orElse("none")).toList();
    }

    @Test
    void aValidTokenIsFetchedOnceAndSentWithEveryPage() {
        transport.respond(200, Pages.page(true, "run_1")).respond(200, Pages.page(true, "run_2"))
                .respond(200, Pages.page(false, "run_3"));
        Tokens tokens = new Tokens(BearerToken.of("tok-A", IN_AN_HOUR));
        assertThat(client(tokens).listAll("thread_1").stream().count()).isEqualTo(3);
        assertThat(tokens.calls).hasValue(1);
        assertThat(sentAuthorizations()).containsOnly("Bearer tok-A");
    }

    @Test
    void aTokenExpiringWithinTwoMinutesIsReplacedBeforeItIsSent() {
        transport.respond(200, Pages.page(false, "run_1")).respond(200, Pages.page(false, "run_1"));
        Tokens tokens = new Tokens(BearerToken.of("tok-soon", Instant.now().plus(Duration.ofSeconds(90))),
                BearerToken.of("tok-fresh", IN_AN_HOUR));
        RunsClient client = client(tokens);
        client.list("thread_1");
        client.list("thread_1");
        assertThat(sentAuthorizations()).containsExactly("Bearer tok-soon", "Bearer tok-fresh");
    }

    @Test
    void a401RenewsTheTokenOnceAndRetriesEvenWithoutRetries() {
        transport.respond(401, Pages.error("token revoked", "invalid_request_error", null, "invalid_token"))
                .respond(200, Pages.page(false, "run_1"));
        Tokens tokens = new Tokens(BearerToken.of("tok-revoked", IN_AN_HOUR), BearerToken.of("tok-new", IN_AN_HOUR));
        assertThat(client(tokens).list("thread_1").data()).hasSize(1);
        assertThat(sentAuthorizations()).containsExactly("Bearer tok-revoked", "Bearer tok-new");
    }

    @Test
    void aSecond401GivesUpWithTheTokensRedacted() throws IOException {
        transport.respond(401, Pages.error("bad token tok-one", "invalid_request_error", null, null))
                .respond(401, Pages.error("bad token tok-two", "invalid_request_error", null, null));
        Tokens tokens = new Tokens(BearerToken.of("tok-one", IN_AN_HOUR), BearerToken.of("tok-two", IN_AN_HOUR));
        RunsClient client = client(tokens);
        assertThatThrownBy(() -> client.list("thread_1"))
                .isInstanceOfSatisfying(AuthenticationException.class, e -> {
                    assertThat(e.attempts()).isEqualTo(2);
                    assertThat(e.getMessage()).contains("bad token <redacted>").doesNotContain("tok-");
                });
        assertThat(tokens.calls).hasValue(2);
        assertThat(client.toString()).doesNotContain("tok-").contains("bearer");
        assertThat(Files.readString(Path.of("target/core-test.log"), StandardCharsets.UTF_8))
                .as("the debug line of each attempt").contains("-> 401").doesNotContain("tok-one").doesNotContain("tok-two");
    }

    @Test
    void aCallersOwnAuthorizationHeaderWinsAndIsNotRenewed() {
        transport.respond(401, Pages.error("no", "invalid_request_error", null, null));
        Tokens tokens = new Tokens();
        RunsClient client = RunsClient.builder().bearerToken(tokens).header("Authorization", "Bearer mine")
                .transport(transport).maxRetries(0).build();
        assertThatThrownBy(() -> client.list("thread_1")).isInstanceOf(AuthenticationException.class);
        assertThat(tokens.calls).hasValue(0);
        assertThat(sentAuthorizations()).containsExactly("Bearer mine");
    }

    @Test
    void aFailingSupplierEndsTheCallBeforeAnyRequest() {
        RunsClient failing = client(() -> {
            throw new IOException("token endpoint unreachable");
        });
        assertThatThrownBy(() -> failing.list("thread_1")).isInstanceOf(CredentialException.class)
                .hasMessageContaining("token endpoint unreachable").hasCauseInstanceOf(IOException.class);
        RunsClient nothing = client(() -> null);
        assertThatThrownBy(() -> nothing.listAsync("thread_1", ListRunsParams.none()).join())
                .hasCauseInstanceOf(CredentialException.class).hasMessageContaining("returned null");
        assertThat(transport.requests()).isEmpty();
    }

    @Test
    void tokensAreCheckedAndNeverPrinted() {
        BearerToken token = BearerToken.of("eyJ0eXAiOiJKV1Qi.secret", IN_AN_HOUR);
        assertThat(token.toString()).doesNotContain("secret").contains(IN_AN_HOUR.toString());
        StringWriter trace = new StringWriter();
        try {
            BearerToken.of("eyJ.secret\r\nInjected: 1", IN_AN_HOUR);
        } catch (IllegalArgumentException e) {
            e.printStackTrace(new PrintWriter(trace));
        }
        assertThat(trace.toString()).contains("CR, LF or NUL").doesNotContain("secret");
        assertThatThrownBy(() -> BearerToken.of(" ", IN_AN_HOUR)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RunsClient.builder().transport(transport).build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("bearerToken(");
    }
}
