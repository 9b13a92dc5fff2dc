package dev.runlist.bench;

import dev.runlist.json.RunsJson;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;

/**
 * Counts the throwables constructed while runlist decodes valid pages, with JFR's
 * {@code jdk.JavaExceptionThrow} event (which sees exceptions that are thrown and caught inside a
 * library, too). A deliberate exception is thrown first so that a JFR that records nothing cannot pass.
 */
public final class ExceptionCheck {

    private ExceptionCheck() {
    }

    /** The number of throwables created on this thread while decoding each page {@code times} times. */
    public static long throwablesWhileDecoding(int times, byte[]... pages) {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.JavaExceptionThrow");
            recording.enable("jdk.JavaErrorThrow");
            recording.start();
            try {
                throw new MarkerException();
            } catch (MarkerException expected) {
                // The positive control.
            }
            for (int i = 0; i < times; i++) {
                for (byte[] page : pages) {
                    RunsJson.standard().readPage(new ByteArrayInputStream(page));
                }
            }
            recording.stop();
            Path file = Files.createTempFile("runlist-exceptions", ".jfr");
            try {
                recording.dump(file);
                long markers = 0;
                long others = 0;
                for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
                    if (e.getThread() == null || e.getThread().getJavaThreadId() != Thread.currentThread().getId()) {
                        continue;
                    }
                    if (MarkerException.class.getName().equals(e.getClass("thrownClass").getName())) {
                        markers++;
                    } else {
                        others++;
                    }
                }
                if (markers == 0) {
                    throw new IllegalStateException("JFR recorded no exception at all; the check cannot work here");
                }
                return others;
            } finally {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class MarkerException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        MarkerException() {
            super("marker", null, false, false);
        }
    }
}
