package dev.runlist.transport.tck;

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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A socket server on 127.0.0.1 counting the connections its clients hold open, which the JDK
 * HttpServer cannot show. A connection counts as open from accept until it is closed. It either
 * relays every connection to another loopback port ({@link #relayTo}), or answers every request on
 * it with a 2-byte keep-alive response ({@link #keepAlive}).
 */
final class CountingServer implements AutoCloseable {
    private static final byte[] OK =
            "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nContent-Type: text/plain\r\n\r\nok".getBytes(StandardCharsets.US_ASCII);

    /** Serves one accepted connection; returns when it has ended. */
    private interface Connection {
        void serve(CountingServer server, Socket client, int number);
    }

    private final ServerSocket listener;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    private CountingServer(String name, Connection connection) {
        try {
            listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(() -> acceptLoop(name, connection), name + "-accept").start();
    }

    /** Relays each connection to {@code targetPort} on 127.0.0.1; when either side closes, closes the other. */
    static CountingServer relayTo(int targetPort) {
        return new CountingServer("tck-relay", (self, client, n) -> self.relay(client, targetPort, n));
    }

    /** Answers every HTTP/1.1 request with {@code 200 ok}, keeping the connection open. */
    static CountingServer keepAlive() {
        return new CountingServer("tck-keep-alive", (self, client, n) -> self.answerOk(client));
    }

    int port() {
        return listener.getLocalPort();
    }

    /** {@code http://127.0.0.1:port} followed by {@code rawPath}. */
    URI uri(String rawPath) {
        return URI.create("http://127.0.0.1:" + port() + rawPath);
    }

    /** Connections accepted and not yet closed. */
    int openConnections() {
        return open.get();
    }

    /** Connections accepted so far. */
    int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop(String name, Connection connection) {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            sockets.add(client);
            open.incrementAndGet();
            int n = accepted.incrementAndGet();
            daemon(() -> connection.serve(this, client, n), name + "-" + n).start();
        }
    }

    private void relay(Socket client, int targetPort, int n) {
        Socket server;
        try {
            server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
        } catch (IOException e) {
            ended(client);
            return;
        }
        sockets.add(server);
        AtomicBoolean closed = new AtomicBoolean();
        Runnable closeBoth = () -> {
            if (closed.compareAndSet(false, true)) {
                closeQuietly(server);
                sockets.remove(server);
                ended(client);
            }
        };
        daemon(() -> pump(server, client, closeBoth), "tck-relay-down-" + n).start();
        pump(client, server, closeBoth);
    }

    private void ended(Socket client) {
        closeQuietly(client);
        sockets.remove(client);
        open.decrementAndGet();
    }

    private static void pump(Socket from, Socket to, Runnable closeBoth) {
        byte[] buf = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buf)) != -1) {
                out.write(buf, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // A reset or a socket closed by the other pump ends the connection just the same.
        } finally {
            closeBoth.run();
        }
    }

    private void answerOk(Socket s) {
        try (InputStream in = s.getInputStream(); OutputStream out = s.getOutputStream()) {
            while (readRequestHead(in)) {
                out.write(OK);
                out.flush();
            }
        } catch (IOException ignored) {
            // A reset counts as closed too.
        } finally {
            ended(s);
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

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing anyway.
        }
        sockets.forEach(CountingServer::closeQuietly);
    }
}
