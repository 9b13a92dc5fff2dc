package dev.runlist.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP relay on 127.0.0.1 in front of another loopback port, counting the connections its clients
 * hold open: the JDK HttpServer behind it cannot show those. A connection counts as open from accept
 * until either side closes it; the relay then closes the other side too.
 */
final class CountingRelay implements AutoCloseable {

    private final ServerSocket listener;
    private final int targetPort;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();

    CountingRelay(int targetPort) {
        this.targetPort = targetPort;
        try {
            listener = new ServerSocket(0, 256, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        daemon(this::acceptLoop, "reliability-relay-accept").start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** Connections accepted and not yet closed by either side. */
    int openConnections() {
        return open.get();
    }

    /** Connections accepted so far. */
    int acceptedConnections() {
        return accepted.get();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return;
            }
            int n = accepted.incrementAndGet();
            open.incrementAndGet();
            Socket server;
            try {
                server = new Socket(InetAddress.getLoopbackAddress(), targetPort);
            } catch (IOException e) {
                closeQuietly(client);
                open.decrementAndGet();
                continue;
            }
            sockets.add(client);
            sockets.add(server);
            AtomicBoolean closed = new AtomicBoolean();
            Runnable closeBoth = () -> {
                if (closed.compareAndSet(false, true)) {
                    closeQuietly(client);
                    closeQuietly(server);
                    sockets.remove(client);
                    sockets.remove(server);
                    open.decrementAndGet();
                }
            };
            daemon(() -> pump(client, server, closeBoth), "reliability-relay-up-" + n).start();
            daemon(() -> pump(server, client, closeBoth), "reliability-relay-down-" + n).start();
        }
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
        sockets.forEach(CountingRelay::closeQuietly);
    }
}
