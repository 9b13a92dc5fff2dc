package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.transport.tck.AzureClientSuite;

/** Runs the Azure OpenAI client suite over {@link JdkTransport}. */
class JdkAzureClientTest extends AzureClientSuite {

    @Override
    protected Transport createTransport(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
