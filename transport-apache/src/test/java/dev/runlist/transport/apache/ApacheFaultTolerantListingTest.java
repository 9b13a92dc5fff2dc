package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.FaultTolerantListingSuite;

/** Runs the fault-tolerant listing suite over {@link ApacheTransport}. */
class ApacheFaultTolerantListingTest extends FaultTolerantListingSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
