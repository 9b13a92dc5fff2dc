package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.DecodeFailureSuite;

/** Runs the decode-failure suite over {@link JdkTransport}. */
class JdkDecodeFailureTest extends DecodeFailureSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
