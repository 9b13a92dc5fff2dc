package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.errors.TransportDiscoveryException;
import org.junit.jupiter.api.Test;

/** Choosing a discovered transport by name on the builder (core's tests have no provider on the class path). */
class TransportChoiceTest {

    @Test
    void aNameWithNoSuchProviderFailsTheBuildNamingTheCallAndWhatWasFound() {
        RunsClient.Builder builder = RunsClient.builder().apiKey("sk-x").transport("okhttp");
        assertThatThrownBy(builder::build).isInstanceOf(TransportDiscoveryException.class)
                .hasMessageContaining("RunsClient.builder().transport(\"okhttp\")")
                .hasMessageContaining("found: none");
    }

    @Test
    void aBlankNameIsRefusedAtOnce() {
        assertThatThrownBy(() -> RunsClient.builder().transport(" ")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("transport name");
        assertThatThrownBy(() -> RunsClient.builder().transport((String) null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anExplicitTransportGivenLastReplacesTheName() {
        ScriptedTransport transport = new ScriptedTransport();
        transport.respond(200, Pages.page(false, "run_1"));
        try (RunsClient client = RunsClient.builder().apiKey("sk-x").transport("okhttp").transport(transport).build()) {
            assertThat(client.list("t").data()).hasSize(1);
        }
    }
}
