package dev.runlist.transport.jdk;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportProvider;

/**
 * Finds the {@link JdkTransport} through {@link java.util.ServiceLoader} under the name {@code "jdk"}.
 *
 * <p>Priority 100: it needs nothing beyond the JDK, so any transport that a user adds on purpose
 * (such as {@code "apache"}, priority 200) wins over it. Stateless and thread-safe.
 */
public final class JdkTransportProvider implements TransportProvider {

    /** The name users select this provider by. */
    public static final String NAME = "jdk";

    /** The priority of this provider among those found. */
    public static final int PRIORITY = 100;

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public JdkTransportProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** Creates a transport with its own {@link java.net.http.HttpClient}; the caller closes it. */
    @Override
    public Transport create(TransportConfig config) {
        return JdkTransport.builder().config(config).build();
    }
}
