package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.TransportSecuritySuite;

/** Runs the transport security suite over {@link ApacheTransport}. */
class ApacheTransportSecurityTest extends TransportSecuritySuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
