package dev.runlist.transport.apache.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
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
        PipedBody body = new PipedBody(1000, () -> {});
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

    /** Bytes written before the end are read in order, then end of stream. */
    @Test
    void readsWhatWasWrittenThenEnds() throws IOException {
        PipedBody body = new PipedBody(100, () -> {});
        body.write(ByteBuffer.wrap(new byte[] {1, 2, 3}));
        body.end();
        assertThat(body.readAllBytes()).containsExactly(1, 2, 3);
        assertThat(body.read()).isEqualTo(-1);
    }

    /** A failure surfaces after the bytes that arrived before it. */
    @Test
    void failureFollowsBufferedBytes() throws IOException {
        PipedBody body = new PipedBody(100, () -> {});
        body.write(ByteBuffer.wrap(new byte[] {7}));
        body.fail(new IOException("reset"));
        assertThat(body.read()).isEqualTo(7);
        assertThatThrownBy(body::read).isInstanceOf(IOException.class).hasMessage("reset");
    }

    /** Closing before the end aborts the exchange; closing after it does not. */
    @Test
    void closingEarlyAborts() {
        AtomicBoolean aborted = new AtomicBoolean();
        PipedBody early = new PipedBody(100, () -> aborted.set(true));
        early.close();
        assertThat(aborted).isTrue();
        aborted.set(false);
        PipedBody finished = new PipedBody(100, () -> aborted.set(true));
        finished.end();
        finished.close();
        assertThat(aborted).isFalse();
    }
}
