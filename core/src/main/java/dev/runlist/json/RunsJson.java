package dev.runlist.json;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import dev.runlist.errors.DecodeException;
import dev.runlist.model.ErrorObject;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Reads and writes the JSON of the "list runs" endpoint: pages ({@link RunListResponse}), single runs
 * ({@link Run}) and the error envelope ({@link ErrorObject}).
 *
 * <p>Reading streams straight from the body with jackson-core, field by field. Every problem with a
 * body — not JSON, truncated, a wrong type, a missing required field, trailing content, too deep or
 * too long, an error envelope where a page was expected, or a failed read of the stream — is a {@link
 * DecodeException} naming the problem, the JSON path (such as {@code $.data[3].created_at}) and the
 * byte offset; nothing else is thrown. Unknown fields, enum values and union variants are kept, so
 * writing a decoded value gives back the same value when decoded again.
 *
 * <p>Writing puts every modelled field of a run in the order the API sends them, {@code null} for
 * absent values, then the unknown fields. Pretty output is indented like the API's: two spaces,
 * {@code "key": value}, one array element per line.
 *
 * <p>Thread-safe: one instance can serve any number of threads. Methods never close the streams they
 * are given.
 */
public final class RunsJson {

    /** The deepest nesting of objects and arrays accepted in a body. */
    public static final int MAX_NESTING_DEPTH = 200;
    /** The longest string value accepted in a body, in characters: 10 MiB. */
    public static final int MAX_STRING_LENGTH = 10 * 1024 * 1024;
    /** The longest number literal accepted in a body, in characters. */
    public static final int MAX_NUMBER_LENGTH = 1000;
    /** The largest body accepted, in bytes: 64 MiB. */
    public static final long MAX_DOCUMENT_LENGTH = 64L * 1024 * 1024;

    private static final RunsJson STANDARD = create();

    private static final DefaultPrettyPrinter PRETTY = prettyPrinter();

    private final JsonFactory factory;

    private RunsJson(JsonFactory factory) {
        this.factory = factory;
    }

    /** {@return a new codec with the limits above. Prefer the shared {@link #standard()} instance} */
    public static RunsJson create() {
        JsonFactory factory = new JsonFactoryBuilder()
                .streamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(MAX_NESTING_DEPTH)
                        .maxStringLength(MAX_STRING_LENGTH)
                        .maxNumberLength(MAX_NUMBER_LENGTH)
                        .maxDocumentLength(MAX_DOCUMENT_LENGTH)
                        .build())
                .disable(StreamReadFeature.AUTO_CLOSE_SOURCE)
                .enable(StreamReadFeature.USE_FAST_DOUBLE_PARSER)
                .disable(StreamWriteFeature.AUTO_CLOSE_TARGET)
                // Emoji and other non-BMP characters as UTF-8 bytes, as the API writes them, not \uD83D\uDE00.
                .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8)
                .build();
        return new RunsJson(factory);
    }

    /** {@return the shared codec with the limits above} */
    public static RunsJson standard() {
        return STANDARD;
    }

    // ---------------------------------------------------------------- reading

    /**
     * Decodes a page of runs from {@code in}, reading it to its end but not closing it.
     *
     * @param in the bytes to read
     * @return the page
     * @throws DecodeException when the body is not a page of runs, or cannot be read
     */
    public RunListResponse readPage(InputStream in) {
        Objects.requireNonNull(in, "in");
        return decode(in, null, Decoder::pageDocument);
    }

    /**
     * Decodes a page of runs from {@code in} as {@link #readPage(InputStream)} does, refusing a page of
     * more than {@code maxRuns} runs as soon as the first run beyond is reached, so a page far larger
     * than asked for never fills the heap.
     *
     * @param in the body, read to its end but not closed
     * @param maxRuns the most runs {@code data} may hold, such as the {@code limit} asked for
     * @return the page
     * @throws DecodeException when the body is not a page of runs, or cannot be read
     * @throws dev.runlist.errors.PaginationException when {@code data} holds more than {@code maxRuns} runs
     */
    public RunListResponse readPage(InputStream in, int maxRuns) {
        Objects.requireNonNull(in, "in");
        return decode(in, null, d -> d.maxRuns(maxRuns).pageDocument());
    }

    /**
     * Decodes a page of runs from {@code body}.
     *
     * @param body the body
     * @return the page
     * @throws DecodeException when the body is not a page of runs
     */
    public RunListResponse readPage(byte[] body) {
        Objects.requireNonNull(body, "body");
        return decode(null, body, Decoder::pageDocument);
    }

    /**
     * Decodes one {@code thread.run} object from {@code in}, reading it to its end but not closing it.
     *
     * @param in the bytes to read
     * @return the run
     * @throws DecodeException when the body is not a run, or cannot be read
     */
    public Run readRun(InputStream in) {
        Objects.requireNonNull(in, "in");
        return decode(in, null, Decoder::runDocument);
    }

    /**
     * Decodes one {@code thread.run} object from {@code body}.
     *
     * @param body the body
     * @return the run
     * @throws DecodeException when the body is not a run
     */
    public Run readRun(byte[] body) {
        Objects.requireNonNull(body, "body");
        return decode(null, body, Decoder::runDocument);
    }

    /**
     * The {@code error} object of an error envelope {@code {"error": {...}}} (a numeric {@code code}
     * read as its text), or the message of Azure's bare {@code {"statusCode": 401, "message": ...}};
     * empty, never an exception, when {@code body} is anything else (null, empty, HTML, truncated,
     * wrong types).
     *
     * @param body the body
     * @return the error, if the body holds one
     */
    public Optional<ErrorObject> readError(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(decode(null, body, Decoder::errorDocument));
        } catch (DecodeException e) {
            return Optional.empty();
        }
    }

    private interface Document<T> {
        T read(Decoder d) throws IOException;
    }

    private <T> T decode(@Nullable InputStream in, byte @Nullable [] body, Document<T> document) {
        JsonParser p;
        try {
            p = in != null ? factory.createParser(in) : factory.createParser(body);
        } catch (IOException e) {
            throw new DecodeException("the response body could not be read: " + e.getMessage(), "$", 0, e);
        }
        Decoder d = new Decoder(p, factory);
        try {
            return document.read(d);
        } catch (JsonProcessingException e) {
            throw new DecodeException("malformed JSON: " + e.getOriginalMessage(), d.path(), d.stopOffset(), e);
        } catch (IOException e) {
            throw new DecodeException("the response body could not be read: " + e, d.path(), d.stopOffset(), e);
        } catch (IllegalArgumentException | NullPointerException | ArithmeticException e) {
            // Not expected: the decoder checks every value first. Kept so callers only see DecodeException.
            throw new DecodeException("invalid value: " + e.getMessage(), d.path(), d.offset(), e);
        } finally {
            try {
                p.close();
            } catch (IOException ignored) {
                // The source is not ours to close; nothing useful is lost here.
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * Writes {@code page} to {@code out} and flushes it, without closing it.
     *
     * @param page a page a listing returned
     * @param out where to write
     * @param pretty true for the API's indented layout, false for no whitespace at all
     * @throws UncheckedIOException when {@code out} fails
     */
    public void writePage(RunListResponse page, OutputStream out, boolean pretty) {
        Objects.requireNonNull(page, "page");
        encode(out, pretty, g -> Encoder.page(g, page));
    }

    /**
     * {@return {@code page} as UTF-8 JSON bytes; see {@link #writePage(RunListResponse, OutputStream, boolean)}}
     *
     * @param page a page a listing returned
     * @param pretty whether to indent the JSON for people
     */
    public byte[] writePage(RunListResponse page, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        writePage(page, out, pretty);
        return out.toByteArray();
    }

    /**
     * Writes {@code run} to {@code out} and flushes it, without closing it.
     *
     * @param pretty true for the API's indented layout, false for no whitespace at all
     * @param run the run to write
     * @param out where to write it
     * @throws UncheckedIOException when {@code out} fails
     */
    public void writeRun(Run run, OutputStream out, boolean pretty) {
        Objects.requireNonNull(run, "run");
        encode(out, pretty, g -> Encoder.run(g, run));
    }

    /**
     * {@code run} as UTF-8 JSON bytes; see {@link #writeRun(Run, OutputStream, boolean)}.
     *
     * @param run the run to write
     * @param pretty true for the API's indented layout
     * @return the JSON
     */
    public byte[] writeRun(Run run, boolean pretty) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(1024);
        writeRun(run, out, pretty);
        return out.toByteArray();
    }

    /**
     * Writes the envelope {@code {"error": {"message", "type", "param", "code"}}} (null members as
     * {@code null}, no whitespace) to {@code out} and flushes it, without closing it.
     *
     * @param error the error as the server sent it
     * @param out where to write
     * @throws UncheckedIOException when {@code out} fails
     */
    public void writeError(ErrorObject error, OutputStream out) {
        Objects.requireNonNull(error, "error");
        encode(out, false, g -> Encoder.error(g, error));
    }

    /**
     * {@return the error envelope as UTF-8 JSON bytes; see {@link #writeError(ErrorObject, OutputStream)}}
     *
     * @param error the error as the server sent it
     */
    public byte[] writeError(ErrorObject error) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        writeError(error, out);
        return out.toByteArray();
    }

    private interface Body {
        void write(JsonGenerator g) throws IOException;
    }

    private void encode(OutputStream out, boolean pretty, Body body) {
        Objects.requireNonNull(out, "out");
        try (JsonGenerator g = factory.createGenerator(out, JsonEncoding.UTF8)) {
            if (pretty) {
                g.setPrettyPrinter(PRETTY.createInstance());
            }
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write JSON", e);
        }
    }

    private static DefaultPrettyPrinter prettyPrinter() {
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
                .withSeparators(Separators.createDefaultInstance()
                        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                        .withObjectEmptySeparator("")
                        .withArrayEmptySeparator(""));
        printer.indentObjectsWith(indenter);
        printer.indentArraysWith(indenter);
        return printer;
    }
}
