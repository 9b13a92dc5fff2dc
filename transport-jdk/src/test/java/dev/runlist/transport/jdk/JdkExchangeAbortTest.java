package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.ExchangeAbortSuite;

/** Runs the aborted-exchange suite against {@link JdkTransport}. */
class JdkExchangeAbortTest extends ExchangeAbortSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
