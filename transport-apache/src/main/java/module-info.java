/**
 * The runlist transport on Apache HttpClient 5.
 *
 * @provides dev.runlist.spi.TransportProvider under the name {@code "apache"}
 */
module dev.runlist.transport.apache {
    requires dev.runlist;
    // Automatic-Module-Name of httpclient5 5.6.5 and httpcore5 5.4.4, read from their manifests.
    requires org.apache.httpcomponents.client5.httpclient5;
    requires org.apache.httpcomponents.core5.httpcore5;
    requires org.apache.httpcomponents.core5.httpcore5.h2;
    // httpclient5 and httpcore5 (automatic modules, so they declare nothing) call jdk.net.Sockets and
    // jdk.net.ExtendedSocketOptions for TCP keep-alive options when they build and connect sockets.
    // On the module path jdk.net is resolved only if some module requires it; without this an
    // application that requires dev.runlist fails with NoClassDefFoundError: jdk/net/Sockets.
    requires jdk.net;

    exports dev.runlist.transport.apache;

    provides dev.runlist.spi.TransportProvider with dev.runlist.transport.apache.ApacheTransportProvider;
}
