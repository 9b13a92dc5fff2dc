package dev.runlist.spi;

/**
 * A {@link java.util.ServiceLoader} factory for a {@link Transport}; implementations have a public
 * no-argument constructor and are registered in {@code module-info.java} and in
 * {@code META-INF/services/dev.runlist.spi.TransportProvider}.
 */
public interface TransportProvider {

    /** {@return the short name users select this provider by, such as {@code "jdk"} or {@code "apache"}} */
    String name();

    /** {@return higher wins when several providers are found and none was asked for by name} */
    int priority();

    /**
     * {@return creates a new transport configured by {@code config}; the caller owns and closes it}
     *
     * @param config the configuration to apply
     */
    Transport create(TransportConfig config);
}
