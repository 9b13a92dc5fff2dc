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
 * {@value #PROPERTY}, else the one with the highest priority. A provider that fails to load
 * ({@link ServiceConfigurationError}, or a {@link LinkageError} such as {@link NoClassDefFoundError}
 * when a class it needs is missing from the class or module path) is logged at warn level with the
 * reason and skipped, so it cannot hide the others; when the chosen provider fails to create its
 * transport with a {@link LinkageError}, the next by priority is used unless a name was requested.
 * Tests hand in their own providers. Thread-safe.
 */
public final class TransportLoader {

    /** The system property naming the provider to use, such as {@code jdk} or {@code apache}. */
    public static final String PROPERTY = "runlist.transport";

    private static final Logger LOG = LoggerFactory.getLogger(TransportLoader.class);
    /** Failures after which the iteration of providers is abandoned (a broken iterator may never end). */
    private static final int MAX_LOAD_FAILURES = 100;

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
        List<TransportProvider> found = load();
        TransportProvider chosen = choose(found, builderName);
        boolean named = builderName != null || requestedProperty() != null;
        List<TransportProvider> candidates = new ArrayList<>(List.of(chosen));
        if (!named) {
            found.stream().filter(p -> p != chosen)
                    .sorted(Comparator.comparingInt(TransportProvider::priority).reversed())
                    .forEach(candidates::add);
        }
        List<String> failures = new ArrayList<>();
        for (TransportProvider p : candidates) {
            try {
                return p.create(config);
            } catch (LinkageError e) {
                LOG.warn("Skipping runlist transport '{}' ({}): it cannot create a transport: {}", p.name(),
                        p.getClass().getName(), reason(e));
                failures.add(p.name() + ": " + reason(e));
            }
        }
        throw new TransportDiscoveryException("No runlist transport could be created; " + String.join("; ", failures)
                + ". A missing class usually means a dependency (or, on the module path, a JDK module) is missing.");
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
        return choose(load(), builderName);
    }

    private @Nullable String requestedProperty() {
        String property = requestedName.get();
        return property == null || property.isBlank() ? null : property;
    }

    private TransportProvider choose(List<TransportProvider> found, @Nullable String builderName) {
        String wanted = builderName != null ? builderName : requestedProperty();
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

    /** Every provider that loads and answers its name and priority; the others are logged and skipped. */
    private List<TransportProvider> load() {
        List<TransportProvider> found = new ArrayList<>();
        Iterator<TransportProvider> it = providers.get();
        for (int failures = 0; failures < MAX_LOAD_FAILURES; ) {
            try {
                if (!it.hasNext()) {
                    return found;
                }
                TransportProvider p = it.next();
                p.name();
                p.priority();
                found.add(p);
            } catch (ServiceConfigurationError | LinkageError e) {
                failures++;
                LOG.warn("Skipping a runlist transport provider that failed to load: {}", reason(e));
            }
        }
        LOG.warn("Gave up looking for runlist transport providers after {} failures", MAX_LOAD_FAILURES);
        return found;
    }

    /** The error and its causes on one line: "...: Provider x could not be instantiated; caused by java.lang.NoClassDefFoundError: y". */
    private static String reason(Throwable e) {
        StringBuilder sb = new StringBuilder(e.toString());
        for (Throwable c = e.getCause(); c != null && c != c.getCause(); c = c.getCause()) {
            sb.append("; caused by ").append(c);
        }
        return sb.toString();
    }

    private static String describe(List<TransportProvider> found) {
        if (found.isEmpty()) {
            return "none";
        }
        return found.stream().map(p -> p.name() + " (priority " + p.priority() + ")").collect(Collectors.joining(", "));
    }
}
