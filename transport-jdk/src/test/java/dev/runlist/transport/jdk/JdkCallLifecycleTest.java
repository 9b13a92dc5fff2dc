package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.CallLifecycleSuite;

/** Runs the call lifecycle suite (deadline, close, cancel, interrupt) against {@link JdkTransport}. */
class JdkCallLifecycleTest extends CallLifecycleSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
