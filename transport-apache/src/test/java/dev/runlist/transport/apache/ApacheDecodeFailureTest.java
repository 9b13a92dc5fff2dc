package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.DecodeFailureSuite;

/** Runs the decode-failure suite over {@link ApacheTransport}. */
class ApacheDecodeFailureTest extends DecodeFailureSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
