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

    /**
     * Known defect (issue 10, open): about one aborted exchange in twenty keeps its connection open,
     * because HttpCore can lose a cancel; the call itself still ends on time, which stays checked.
     */
    @Override
    protected boolean closesEveryAbortedConnection() {
        return false;
    }
}
