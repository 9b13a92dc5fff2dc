package dev.runlist.transport.jdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.RunsClient;
import org.junit.jupiter.api.Test;

/** {@code RunsClient.builder().transport("jdk")} picks this module's provider through discovery. */
class JdkTransportByNameTest {

    @Test
    void theBuilderPicksTheJdkProviderByName() {
        try (RunsClient client = RunsClient.builder().apiKey("sk-x").transport("JDK").build()) {
            assertThat(client.toString()).contains(JdkTransport.class.getName());
        }
    }
}
