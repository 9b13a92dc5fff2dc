package dev.runlist.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket-level HTTP/1.1 server answering every request with a 2-byte keep-alive response, and
 * counting the connections its clients still hold open: the JDK HttpServer cannot show those.
 */
final class RawKeepAliveServer implements AutoCloseable {
    private static final byte[] RESPONSE =
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok"
                    .getBytes(StandardCharsets.US_ASCII);

    private final ServerSocket listener;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    RawKeepAliveServer() {
        try {
            listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Thread acceptor = new Thread(this::acceptLoop, "conformance-raw-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    URI uri(String rawPath) {
        return URI.create("http://127.0.0.1:" + listener.getLocalPort() + rawPath);
    }

    /** Connections accepted and not yet closed by the client. */
    int openConnections() {
        return open.get();
    }

    /** Connections accepted so far. */
    int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket s = listener.accept();
                sockets.add(s);
                open.incrementAndGet();
                accepted.incrementAndGet();
                Thread t = new Thread(() -> serve(s), "conformance-raw-conn-" + accepted.get());
                t.setDaemon(true);
                t.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket s) {
        try (s; InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (readRequestHead(in)) {
                out.write(RESPONSE);
                out.flush();
            }
        } catch (IOException ignored) {
            // A reset counts as closed too.
        } finally {
            open.decrementAndGet();
        }
    }

    /** Reads up to the blank line ending a request head; false at end of stream. */
    private static boolean readRequestHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        byte[] end = {'\r', '\n', '\r', '\n'};
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
            if (matched == 4) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        for (Socket s : sockets) {
            try {
                s.close();
            } catch (IOException ignored) {
                // Closing anyway.
            }
        }
    }
}
