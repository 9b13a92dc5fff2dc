package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.TransportConformanceSuite;

/** Runs the transport conformance suite against {@link JdkTransport}. */
class JdkTransportConformanceTest extends TransportConformanceSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }

    /** Known difference: the JDK client resends a GET whose pooled connection closed before any response. */
    @Override
    protected boolean resendsGetOnAStalePooledConnection() {
        return true;
    }
}
