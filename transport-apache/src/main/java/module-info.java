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

    exports dev.runlist.transport.apache;

    provides dev.runlist.spi.TransportProvider with dev.runlist.transport.apache.ApacheTransportProvider;
}
