package dev.runlist.transport.apache.internal;

import java.io.IOException;
import java.util.concurrent.Future;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.client5.http.impl.ChainElement;
import org.apache.hc.client5.http.impl.async.HttpAsyncClientBuilder;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;
import org.apache.hc.core5.http.protocol.HttpContext;

/**
 * Aborts one async exchange in whatever phase it is, for good: {@link #abort()} cancels the Apache
 * future and discards the exchange's connection, and an exchange aborted before it got a connection
 * discards it as soon as it gets one.
 *
 * <p>Why not only cancel the future: HttpCore's {@code ComplexFuture.setDependency} checks
 * {@code isDone()} and then stores the next phase's cancellable, not atomically, so a cancel landing
 * while an I/O thread moves the exchange on (leased, connected, request sent) is lost, and the
 * exchange runs on with its connection open. The {@link #interceptor()}, placed just before the
 * exchange runs on its connection, hands this abort the exchange's runtime, and both sides check the
 * other's volatile mark, so one of them always discards the connection. Thread-safe.
 */
public final class ExchangeAbort {

    private static final String ATTRIBUTE = ExchangeAbort.class.getName();
    private static final String INTERCEPTOR = "runlist-exchange-abort";

    private volatile boolean aborted;
    private volatile AsyncExecRuntime runtime;
    private volatile Future<?> future;

    private ExchangeAbort() {}

    /** A new abort for the exchange about to run with {@code context}, which carries it to the interceptor. */
    public static ExchangeAbort attachTo(HttpContext context) {
        ExchangeAbort abort = new ExchangeAbort();
        context.setAttribute(ATTRIBUTE, abort);
        return abort;
    }

    /** Installs the interceptor in an async client's chain, just before the exchange runs on its connection. */
    public static void install(HttpAsyncClientBuilder builder) {
        builder.addExecInterceptorBefore(ChainElement.MAIN_TRANSPORT.name(), INTERCEPTOR, ExchangeAbort::intercept);
    }

    /** Records the Apache future of the exchange; cancels it at once if the exchange was aborted. */
    public void future(Future<?> f) {
        future = f;
        if (aborted) {
            f.cancel(true);
        }
    }

    /** Aborts the exchange: cancels its future and discards its connection, now or once it has one. Idempotent. */
    public void abort() {
        aborted = true;
        Future<?> f = future;
        if (f != null) {
            f.cancel(true);
        }
        AsyncExecRuntime r = runtime;
        if (r != null) {
            r.discardEndpoint();
        }
    }

    /** Binds the exchange's runtime; false (its connection discarded) when the exchange was aborted already. */
    private boolean bind(AsyncExecRuntime r) {
        runtime = r;
        if (aborted) {
            r.discardEndpoint();
            return false;
        }
        return true;
    }

    private static void intercept(HttpRequest request, AsyncEntityProducer entity, AsyncExecChain.Scope scope,
            AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        Object attached = scope.clientContext.getAttribute(ATTRIBUTE);
        if (attached instanceof ExchangeAbort abort && !abort.bind(scope.execRuntime)) {
            callback.failed(new IOException("the exchange was aborted"));
            return;
        }
        chain.proceed(request, entity, scope, callback);
    }
}
