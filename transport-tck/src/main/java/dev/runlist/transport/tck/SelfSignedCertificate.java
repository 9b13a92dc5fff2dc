package dev.runlist.transport.tck;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * A self-signed EC certificate for {@code 127.0.0.1} and {@code localhost}, valid until 2126, with a
 * server context presenting it and a client context trusting only it. The key store is checked in
 * ({@code localhost.p12} next to this class, password {@code changeit}) so that no test runs keytool; it
 * was made with {@code keytool -genkeypair -alias localhost -keyalg EC -groupname secp256r1
 * -dname CN=localhost -ext SAN=ip:127.0.0.1,dns:localhost -validity 36500 -storetype PKCS12}.
 */
final class SelfSignedCertificate {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private static SelfSignedCertificate instance;

    final SSLContext serverContext;
    final SSLContext clientContext;

    private SelfSignedCertificate(SSLContext serverContext, SSLContext clientContext) {
        this.serverContext = serverContext;
        this.clientContext = clientContext;
    }

    static synchronized SelfSignedCertificate get() throws GeneralSecurityException {
        if (instance == null) {
            instance = load();
        }
        return instance;
    }

    private static SelfSignedCertificate load() throws GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = SelfSignedCertificate.class.getResourceAsStream("localhost.p12")) {
            if (in == null) {
                throw new IllegalStateException("localhost.p12 is missing next to " + SelfSignedCertificate.class.getName());
            }
            keys.load(in, PASSWORD);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read localhost.p12", e);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, PASSWORD);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(kmf.getKeyManagers(), null, null);

        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        trust.setCertificateEntry("localhost", keys.getCertificate("localhost"));
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, tmf.getTrustManagers(), null);
        return new SelfSignedCertificate(server, client);
    }
}
