package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.TransportConformanceSuite;

/** Runs the transport conformance suite against {@link ApacheTransport}. */
class ApacheTransportConformanceTest extends TransportConformanceSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
