package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.CallLifecycleSuite;

/** Runs the call lifecycle suite (deadline, close, cancel, interrupt) against {@link ApacheTransport}. */
class ApacheCallLifecycleTest extends CallLifecycleSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
