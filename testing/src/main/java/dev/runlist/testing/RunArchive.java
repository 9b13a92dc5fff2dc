package dev.runlist.testing;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.runlist.errors.DecodeException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the runs of an archive file: JSON objects one after another, each a {@code thread.run}
 * (the lines of {@code runlist list --format jsonl}) or a page of runs ({@code {"object": "list",
 * "data": [...]}}, as the API sent it or {@code --format json} printed it), separated by any
 * whitespace. Runs are decoded with every field kept, unknown ones included.
 */
final class RunArchive {

    private static final JsonFactory JSON = new JsonFactory();

    private RunArchive() {}

    /**
     * The runs of {@code file} in file order.
     *
     * @throws IOException when the file cannot be read
     * @throws IllegalArgumentException when the file is not such a sequence, naming the file, the
     *     line and the byte offset of the value at fault and, for a run, the JSON path of the problem
     */
    static List<Run> read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<Run> runs = new ArrayList<>();
        RunsJson json = RunsJson.standard();
        try (JsonParser p = JSON.createParser(bytes)) {
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonLocation at = p.currentTokenLocation();
                if (t != JsonToken.START_OBJECT) {
                    throw problem(file, at, "expected a run or a page of runs (a JSON object) but found " + t, null);
                }
                boolean page = false;
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    JsonToken value = p.nextToken();
                    page |= name.equals("object") && value == JsonToken.VALUE_STRING && p.getText().equals("list");
                    p.skipChildren();
                }
                byte[] value = Arrays.copyOfRange(bytes, (int) at.getByteOffset(),
                        (int) p.currentLocation().getByteOffset());
                try {
                    if (page) {
                        runs.addAll(json.readPage(value).data());
                    } else {
                        runs.add(json.readRun(value));
                    }
                } catch (DecodeException e) {
                    throw problem(file, at, "not a " + (page ? "page of runs" : "run") + ": " + e.getMessage(), e);
                }
            }
        } catch (JsonProcessingException e) {
            throw problem(file, e.getLocation(), "not JSON: " + e.getOriginalMessage(), e);
        }
        return runs;
    }

    private static IllegalArgumentException problem(Path file, JsonLocation at, String what, Exception cause) {
        String where = at == null ? "" : " at line " + at.getLineNr() + " (byte " + at.getByteOffset() + ")";
        return new IllegalArgumentException(file + where + ": " + what, cause);
    }
}
