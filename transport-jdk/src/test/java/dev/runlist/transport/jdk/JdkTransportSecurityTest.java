package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.TransportSecuritySuite;

/** Runs the transport security suite over {@link JdkTransport}. */
class JdkTransportSecurityTest extends TransportSecuritySuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
