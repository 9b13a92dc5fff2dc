package dev.runlist.internal;

import dev.runlist.errors.TransportDiscoveryException;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportProvider;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses the {@link TransportProvider} to use: the one named by the builder
 * ({@code RunsClient.builder().transport("jdk")}), else the one named by the system property
 * {@value #PROPERTY}, else the one with the highest priority. A provider that fails to load is
 * logged and skipped, so it cannot hide the others. Tests hand in their own providers.
 */
public final class TransportLoader {

    /** The system property naming the provider to use, such as {@code jdk} or {@code apache}. */
    public static final String PROPERTY = "runlist.transport";

    private static final Logger LOG = LoggerFactory.getLogger(TransportLoader.class);

    private final Supplier<Iterator<TransportProvider>> providers;
    private final Supplier<@Nullable String> requestedName;

    /** A loader over {@code providers}, reading the requested name from {@code requestedName}. */
    public TransportLoader(Supplier<Iterator<TransportProvider>> providers, Supplier<@Nullable String> requestedName) {
        this.providers = providers;
        this.requestedName = requestedName;
    }

    /** The loader used by clients: {@link ServiceLoader} and the system property. */
    public static TransportLoader standard() {
        return new TransportLoader(
                () -> ServiceLoader.load(TransportProvider.class, TransportLoader.class.getClassLoader()).iterator(),
                () -> System.getProperty(PROPERTY));
    }

    /**
     * Creates a transport from the chosen provider.
     *
     * @param config the configuration handed to the provider
     * @param builderName the provider name given to the builder, or null to fall back to the property
     * @return a new transport, owned by the caller
     * @throws TransportDiscoveryException when none is found or the requested one is missing
     */
    public Transport create(TransportConfig config, @Nullable String builderName) {
        return choose(builderName).create(config);
    }

    /**
     * The provider to use when the builder names none.
     *
     * @return the provider
     * @throws TransportDiscoveryException when none is found or the requested one is missing
     */
    public TransportProvider choose() {
        return choose(null);
    }

    /**
     * The provider named {@code builderName} (compared ignoring case and surrounding blanks), or when
     * that is null the one the system property names, or the highest-priority one.
     *
     * @param builderName the name given to {@code RunsClient.builder().transport(String)}, or null
     * @return the provider
     * @throws TransportDiscoveryException when none is found or the requested one is missing
     */
    public TransportProvider choose(@Nullable String builderName) {
        List<TransportProvider> found = load();
        String property = requestedName.get();
        String wanted = builderName != null ? builderName : property != null && !property.isBlank() ? property : null;
        if (wanted != null) {
            String source = builderName != null ? "RunsClient.builder().transport(\"" + builderName + "\")" : "-D" + PROPERTY;
            for (TransportProvider p : found) {
                if (p.name().equalsIgnoreCase(wanted.trim())) {
                    LOG.debug("Using runlist transport '{}' ({}), as {} asks", p.name(), p.getClass().getName(),
                            builderName != null ? source : PROPERTY);
                    return p;
                }
            }
            throw new TransportDiscoveryException("The runlist transport '" + wanted + "' named by " + source
                    + " was not found; found: " + describe(found)
                    + ". Add its artifact (dev.runlist:runlist-transport-" + wanted.trim()
                    + ") or name one of those found.");
        }
        if (found.isEmpty()) {
            throw new TransportDiscoveryException("No runlist HTTP transport found on the class path or module path. "
                    + "Add dev.runlist:runlist-transport-jdk (java.net.http) or "
                    + "dev.runlist:runlist-transport-apache (Apache HttpClient 5), "
                    + "select one with -D" + PROPERTY + "=jdk|apache, "
                    + "or pass one to RunsClient.builder().transport(...).");
        }
        TransportProvider chosen = found.stream()
                .max(Comparator.comparingInt(TransportProvider::priority))
                .orElseThrow();
        LOG.debug("Using runlist transport '{}' (priority {}); found: {}", chosen.name(), chosen.priority(), describe(found));
        return chosen;
    }

    private List<TransportProvider> load() {
        List<TransportProvider> found = new ArrayList<>();
        Iterator<TransportProvider> it = providers.get();
        while (true) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                found.add(it.next());
            } catch (ServiceConfigurationError e) {
                LOG.warn("Skipping a runlist transport provider that failed to load: {}", e.getMessage());
            }
        }
    }

    private static String describe(List<TransportProvider> found) {
        if (found.isEmpty()) {
            return "none";
        }
        return found.stream().map(p -> p.name() + " (priority " + p.priority() + ")").collect(Collectors.joining(", "));
    }
}
