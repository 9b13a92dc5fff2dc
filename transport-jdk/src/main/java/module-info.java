/**
 * The runlist transport on {@code java.net.http.HttpClient}.
 *
 * @provides dev.runlist.spi.TransportProvider under the name {@code "jdk"}
 */
module dev.runlist.transport.jdk {
    requires dev.runlist;
    requires java.net.http;

    exports dev.runlist.transport.jdk;

    provides dev.runlist.spi.TransportProvider with dev.runlist.transport.jdk.JdkTransportProvider;
}
