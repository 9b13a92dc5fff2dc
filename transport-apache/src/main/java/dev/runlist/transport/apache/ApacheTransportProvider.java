package dev.runlist.transport.apache;

import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportProvider;

/**
 * Finds the {@link ApacheTransport} through {@link java.util.ServiceLoader} under the name
 * {@code "apache"}.
 *
 * <p>Priority 200, above the JDK transport's 100: a user who adds this artifact wants it used.
 * Stateless and thread-safe.
 */
public final class ApacheTransportProvider implements TransportProvider {

    /** The name users select this provider by. */
    public static final String NAME = "apache";

    /** The priority of this provider among those found. */
    public static final int PRIORITY = 200;

    /** Creates the provider; {@link java.util.ServiceLoader} calls this. */
    public ApacheTransportProvider() {}

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int priority() {
        return PRIORITY;
    }

    /** Creates a transport with clients of its own; the caller closes it. */
    @Override
    public Transport create(TransportConfig config) {
        return ApacheTransport.builder().config(config).build();
    }
}
