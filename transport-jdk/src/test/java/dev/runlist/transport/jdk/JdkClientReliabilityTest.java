package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.ClientReliabilitySuite;

/** Runs the client reliability suite over {@link JdkTransport}. */
class JdkClientReliabilityTest extends ClientReliabilitySuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
