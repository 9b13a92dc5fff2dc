package dev.runlist.model;

import java.util.List;
import java.util.Map;

/**
 * The files the code interpreter may read; {@code fileIds} is never null.
 * {@code additionalProperties} holds the fields this version does not know.
 */
public record CodeInterpreterResources(List<String> fileIds, Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param fileIds {@code file_ids}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public CodeInterpreterResources {
        fileIds = Copies.list(fileIds);
        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param fileIds {@code file_ids}
     */
    public CodeInterpreterResources(List<String> fileIds) {
        this(fileIds, Map.of());
    }
}
