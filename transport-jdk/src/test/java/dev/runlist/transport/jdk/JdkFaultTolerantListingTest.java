package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.FaultTolerantListingSuite;

/** Runs the fault-tolerant listing suite over {@link JdkTransport}. */
class JdkFaultTolerantListingTest extends FaultTolerantListingSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
