package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.AzureClientSuite;

/** Runs the Azure OpenAI client suite over {@link ApacheTransport}. */
class ApacheAzureClientTest extends AzureClientSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
