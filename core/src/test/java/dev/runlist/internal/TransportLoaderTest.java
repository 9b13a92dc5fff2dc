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
