package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.testing.ClientReliabilitySuite;

/** Runs the client reliability suite over {@link ApacheTransport}. */
class ApacheClientReliabilityTest extends ClientReliabilitySuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
