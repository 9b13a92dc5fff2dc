package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.SharedClientSuite;

/** Runs the shared-client suite over {@link JdkTransport}. */
class JdkSharedClientTest extends SharedClientSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
