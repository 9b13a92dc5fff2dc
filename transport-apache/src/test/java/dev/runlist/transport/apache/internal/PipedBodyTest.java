package dev.runlist.transport.apache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hc.core5.http.nio.CapacityChannel;
import org.junit.jupiter.api.Test;

/** The async body pipe: back-pressure, end, failure and early close. */
class PipedBodyTest {

    private final AtomicInteger granted = new AtomicInteger();
    private final CapacityChannel channel = granted::addAndGet;

    /** A full buffer grants nothing until the reader has drained half of it, and never more than it can take. */
    @Test
    void grantsCapacityOnlyWhenTheReaderMakesRoom() throws IOException {
        PipedBody body = new PipedBody(1000, Duration.ofSeconds(5), () -> {});
        body.write(ByteBuffer.wrap(new byte[1000]));
        body.updateCapacity(channel);
        assertThat(granted).hasValue(0);
        assertThat(body.read(new byte[400])).isEqualTo(400);
        assertThat(granted).as("still more than half full").hasValue(0);
        assertThat(body.read(new byte[200])).isEqualTo(200);
        assertThat(granted).hasValue(600);
        body.write(ByteBuffer.wrap(new byte[600]));
        assertThat(body.read(new byte[1000])).isEqualTo(400);
        assertThat(granted).as("the grant arrived: 600 buffered").hasValue(600);
        assertThat(body.read(new byte[1000])).isEqualTo(600);
        assertThat(granted).as("the grant received and read, the buffer empty").hasValue(1600);
        body.updateCapacity(channel);
        assertThat(granted).as("asked again with 1000 granted and nothing buffered: Apache's window is spent").hasValue(2600);
    }

    /** Every byte arrives once and in order, whatever the sizes of the writes and reads. */
    @Test
    void bytesArriveInOrderWhateverTheSizesOfWritesAndReads() throws IOException {
        Random random = new Random(16);
        byte[] sent = new byte[300_000];
        random.nextBytes(sent);
        PipedBody body = new PipedBody(64 * 1024, Duration.ofSeconds(5), () -> {});
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        byte[] buf = new byte[40_000];
        int written = 0;
        while (written < sent.length) {
            int n = Math.min(sent.length - written, 1 + random.nextInt(random.nextBoolean() ? 3_000 : 30_000));
            // A slice of a larger buffer, as Apache hands them over.
            body.write(ByteBuffer.wrap(sent, written, n).slice());
            written += n;
            // Reads now and then, and always before the writer would wait for room (single thread here).
            boolean readNow = random.nextInt(3) > 0;
            while (readNow || body.available() > 100_000) {
                int r = body.read(buf, 0, 1 + random.nextInt(Math.min(buf.length, body.available())));
                received.write(buf, 0, r);
                readNow = false;
            }
        }
        body.end();
        received.write(body.readAllBytes());
        assertThat(received.toByteArray()).isEqualTo(sent);
    }

    /** Bytes written before the end are read in order, then end of stream. */
    @Test
    void readsWhatWasWrittenThenEnds() throws IOException {
        PipedBody body = new PipedBody(100, Duration.ofSeconds(5), () -> {});
        body.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        body.end();
        assertThat(body.readAllBytes()).containsExactly(1, 2, 3);
        assertThat(body.read()).isEqualTo(-1);
    }

    /** A failure surfaces after the bytes that arrived before it. */
    @Test
    void failureFollowsBufferedBytes() throws IOException {
        PipedBody body = new PipedBody(100, Duration.ofSeconds(5), () -> {});
        body.write(ByteBuffer.wrap(new byte[] {7}));
        body.fail(new IOException("reset"));
        assertThat(body.read()).isEqualTo(7);
        assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessage("reset");
    }

    /** Closing before the end aborts the exchange; closing after it does not. */
    @Test
    void closingEarlyAborts() {
        AtomicBoolean aborted = new AtomicBoolean();
        PipedBody early = new PipedBody(100, Duration.ofSeconds(5), () -> aborted.set(true));
        early.close();
        assertThat(aborted).isTrue();
        aborted.set(false);
        PipedBody finished = new PipedBody(100, Duration.ofSeconds(5), () -> aborted.set(true));
        finished.end();
        finished.close();
        assertThat(aborted).isFalse();
    }

    /** A writer past twice the capacity waits for the reader to make room (Apache reads on past its window). */
    @Test
    void aWriterFarAheadOfTheReaderWaitsForRoom() throws Exception {
        PipedBody body = new PipedBody(100, Duration.ofSeconds(30), () -> {});
        body.write(ByteBuffer.wrap(new byte[150]));
        CountDownLatch written = new CountDownLatch(1);
        Thread io = new Thread(() -> {
            try {
                body.write(ByteBuffer.wrap(new byte[100]));
                written.countDown();
            } catch (IOException e) {
                // the assertion below reports it
            }
        }, "pipe-writer");
        io.start();
        assertThat(written.await(200, TimeUnit.MILLISECONDS)).as("250 buffered: the writer waits").isFalse();
        assertThat(body.read(new byte[100])).isEqualTo(100);
        assertThat(written.await(10, TimeUnit.SECONDS)).as("room made: the writer goes on").isTrue();
        io.join();
    }

    /** A reader that makes no room in time fails the write, which abandons the exchange. */
    @Test
    void aWriterGivesUpOnAStalledReader() throws IOException {
        PipedBody body = new PipedBody(100, Duration.ofMillis(50), () -> {});
        assertThatThrownBy(() -> body.write(ByteBuffer.wrap(new byte[200])))
                .isInstanceOf(IOException.class).hasMessageContaining("unread");
    }
}
