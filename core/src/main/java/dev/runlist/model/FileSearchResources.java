package dev.runlist.model;

import java.util.List;
import java.util.Map;

/**
 * The vector stores file search may query; {@code vectorStoreIds} is never null.
 * {@code additionalProperties} holds the fields this version does not know.
 */
public record FileSearchResources(List<String> vectorStoreIds, Map<String, JsonValue> additionalProperties) {

    /**
     * Copies lists and maps; {@code additionalProperties} null means none.
     *
     * @param vectorStoreIds {@code vector_store_ids}
     * @param additionalProperties the fields this version does not know, kept as sent
     */
    public FileSearchResources {
        vectorStoreIds = Copies.list(vectorStoreIds);
        additionalProperties = Copies.map(additionalProperties);
    }

    /**
     * A value without unknown fields.
     *
     * @param vectorStoreIds {@code vector_store_ids}
     */
    public FileSearchResources(List<String> vectorStoreIds) {
        this(vectorStoreIds, Map.of());
    }
}
