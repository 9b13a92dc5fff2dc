package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.ExchangeAbortSuite;

/** Runs the aborted-exchange suite against {@link ApacheTransport}. */
class ApacheExchangeAbortTest extends ExchangeAbortSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
