package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.errors.RunlistException;
import dev.runlist.spi.Headers;
import dev.runlist.spi.TransportResponse;
import java.io.ByteArrayInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * A response that arrives just as its call ends (interrupted, timed out, closed) is closed, so its
 * connection is not left open with nobody to read it.
 */
class AbandonedResponseTest {

    @Test
    void aResponseArrivingAsTheBlockingCallIsInterruptedIsClosed() throws Exception {
        CountDownLatch bodyClosed = new CountDownLatch(1);
        TransportResponse late = new TransportResponse(200, Headers.empty(), new ByteArrayInputStream(new byte[0]) {
            @Override
            public void close() {
                bodyClosed.countDown();
            }
        });
        // The race, made deterministic: the response completes the exchange just before the call's cancel.
        CompletableFuture<TransportResponse> racing = new CompletableFuture<>() {
            @Override
            public boolean cancel(boolean mayInterruptIfRunning) {
                complete(late);
                return super.cancel(mayInterruptIfRunning);
            }
        };
        CountDownLatch sent = new CountDownLatch(1);
        ScriptedTransport transport = new ScriptedTransport().answer(request -> {
            sent.countDown();
            return racing;
        });
        RunsClient client = RunsClient.builder().apiKey("sk-test").transport(transport).maxRetries(0).build();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread caller = new Thread(() -> {
            try {
                client.list("thread_1");
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        caller.start();
        assertThat(sent.await(10, TimeUnit.SECONDS)).as("the request was sent").isTrue();
        caller.interrupt();
        caller.join(TimeUnit.SECONDS.toMillis(10));

        assertThat(failure.get()).isInstanceOf(RunlistException.class).hasMessageContaining("interrupted");
        assertThat(bodyClosed.await(10, TimeUnit.SECONDS)).as("the late response was closed").isTrue();
        client.close();
    }
}
