package dev.runlist.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.runlist.errors.TransportDiscoveryException;
import dev.runlist.spi.Transport;
import dev.runlist.spi.TransportConfig;
import dev.runlist.spi.TransportProvider;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import org.junit.jupiter.api.Test;

/** Discovery: priority, selection by name, and the messages when it cannot choose. */
class TransportLoaderTest {

    private record Provider(String name, int priority) implements TransportProvider {
        @Override
        public Transport create(TransportConfig config) {
            throw new UnsupportedOperationException("not needed by these tests");
        }
    }

    private static TransportLoader loader(String property, Object... entries) {
        return new TransportLoader(() -> iterator(entries), () -> property);
    }

    /** An iterator that throws ServiceConfigurationError where an entry is an Error, as ServiceLoader does. */
    private static Iterator<TransportProvider> iterator(Object... entries) {
        List<Object> list = new ArrayList<>(List.of(entries));
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < list.size();
            }

            @Override
            public TransportProvider next() {
                Object o = list.get(i++);
                if (o instanceof ServiceConfigurationError e) {
                    throw e;
                }
                return (TransportProvider) o;
            }
        };
    }

    @Test
    void highestPriorityWins() {
        assertThat(loader(null, new Provider("jdk", 100), new Provider("apache", 200)).choose().name()).isEqualTo("apache");
    }

    @Test
    void propertyPicksByNameWhateverThePriority() {
        assertThat(loader("jdk", new Provider("jdk", 100), new Provider("apache", 200)).choose().name()).isEqualTo("jdk");
        assertThat(loader(" APACHE ", new Provider("jdk", 100), new Provider("apache", 200)).choose().name()).isEqualTo("apache");
    }

    @Test
    void unknownNameListsWhatWasFound() {
        assertThatThrownBy(() -> loader("okhttp", new Provider("jdk", 100), new Provider("apache", 200)).choose())
                .isInstanceOf(TransportDiscoveryException.class)
                .hasMessageContaining("'okhttp'").hasMessageContaining("runlist.transport")
                .hasMessageContaining("jdk (priority 100)").hasMessageContaining("apache (priority 200)");
    }

    @Test
    void noneFoundNamesBothArtifactsThePropertyAndTheBuilderMethod() {
        assertThatThrownBy(() -> loader(null).choose())
                .isInstanceOf(TransportDiscoveryException.class)
                .hasMessageContaining("dev.runlist:runlist-transport-jdk")
                .hasMessageContaining("dev.runlist:runlist-transport-apache")
                .hasMessageContaining("-Drunlist.transport")
                .hasMessageContaining("RunsClient.builder().transport(");
    }

    /** A provider whose class cannot be loaded (as NoClassDefFoundError, bare or in a ServiceConfigurationError) is logged with the reason and skipped. */
    @Test
    void providerFailingToLoadWithALinkageErrorIsLoggedWithTheReasonAndSkipped() throws Exception {
        Object missingClass = new NoClassDefFoundError("jdk/net/Sockets");
        Object wrapped = new ServiceConfigurationError("dev.runlist.transport.apache.ApacheTransportProvider: "
                + "Provider could not be instantiated", new NoClassDefFoundError("org/apache/hc/core5/Missing"));
        TransportLoader l = new TransportLoader(() -> throwingIterator(missingClass, wrapped, new Provider("jdk", 100)), () -> null);
        assertThat(l.choose().name()).isEqualTo("jdk");
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/core-test.log"));
        assertThat(log).contains("Skipping a runlist transport provider that failed to load: java.lang.NoClassDefFoundError: jdk/net/Sockets")
                .contains("Provider could not be instantiated; caused by java.lang.NoClassDefFoundError: org/apache/hc/core5/Missing");
    }

    /** A provider whose transport cannot be created for want of a class gives way to the next by priority, logged. */
    @Test
    void providerFailingToCreateWithALinkageErrorGivesWayToTheNext() throws Exception {
        TransportProvider broken = new TransportProvider() {
            @Override
            public String name() {
                return "apache";
            }

            @Override
            public int priority() {
                return 200;
            }

            @Override
            public Transport create(TransportConfig config) {
                throw new NoClassDefFoundError("jdk/net/Sockets");
            }
        };
        Transport made = new dev.runlist.spi.Transport() {
            @Override
            public dev.runlist.spi.TransportResponse execute(dev.runlist.spi.TransportRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public java.util.concurrent.CompletableFuture<dev.runlist.spi.TransportResponse> executeAsync(
                    dev.runlist.spi.TransportRequest request) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void close() {}
        };
        TransportProvider working = new TransportProvider() {
            @Override
            public String name() {
                return "jdk";
            }

            @Override
            public int priority() {
                return 100;
            }

            @Override
            public Transport create(TransportConfig config) {
                return made;
            }
        };
        assertThat(new TransportLoader(() -> List.of(broken, working).iterator(), () -> null).create(TransportConfig.defaults(), null))
                .isSameAs(made);
        assertThat(java.nio.file.Files.readString(java.nio.file.Path.of("target/core-test.log")))
                .contains("Skipping runlist transport 'apache'").contains("NoClassDefFoundError: jdk/net/Sockets");
        assertThatThrownBy(() -> new TransportLoader(() -> List.of(broken, working).iterator(), () -> "apache")
                .create(TransportConfig.defaults(), null))
                .isInstanceOf(TransportDiscoveryException.class).hasMessageContaining("jdk/net/Sockets");
    }

    /** Like {@link #iterator} but throwing any Error entry as it is. */
    private static Iterator<TransportProvider> throwingIterator(Object... entries) {
        List<Object> list = new ArrayList<>(List.of(entries));
        return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
                return i < list.size();
            }

            @Override
            public TransportProvider next() {
                Object o = list.get(i++);
                if (o instanceof Error e) {
                    throw e;
                }
                return (TransportProvider) o;
            }
        };
    }

    @Test
    void brokenProviderDoesNotHideTheOthers() {
        TransportLoader l = loader(null, new ServiceConfigurationError("bad provider"), new Provider("jdk", 100));
        assertThat(l.choose().name()).isEqualTo("jdk");
    }

    @Test
    void builderNameWinsOverThePropertyAndThePriority() {
        TransportLoader l = loader("apache", new Provider("jdk", 100), new Provider("apache", 200));
        assertThat(l.choose("jdk").name()).isEqualTo("jdk");
        assertThat(l.choose(" JDK ").name()).isEqualTo("jdk");
        assertThat(l.choose(null).name()).isEqualTo("apache");
    }

    @Test
    void unknownBuilderNameNamesTheBuilderCallAndListsWhatWasFound() {
        assertThatThrownBy(() -> loader("jdk", new Provider("jdk", 100)).choose("okhttp"))
                .isInstanceOf(TransportDiscoveryException.class)
                .hasMessageContaining("'okhttp' named by RunsClient.builder().transport(\"okhttp\")")
                .hasMessageContaining("found: jdk (priority 100)")
                .hasMessageContaining("dev.runlist:runlist-transport-okhttp")
                .hasMessageNotContaining("-Drunlist.transport");
    }
}
