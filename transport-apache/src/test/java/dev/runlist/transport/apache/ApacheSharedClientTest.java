package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.SharedClientSuite;

/** Runs the shared-client suite over {@link ApacheTransport}. */
class ApacheSharedClientTest extends SharedClientSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
