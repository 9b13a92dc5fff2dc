package dev.runlist;

import java.util.List;
import java.util.stream.Collectors;

/** Hand-written list-runs bodies for client tests (the codec's own tests cover every field). */
final class Pages {

    private Pages() {}

    static String run(String id) {
        return run(id, 1699075072L);
    }

    static String run(String id, long createdAt) {
        return "{\"id\":\"" + id + "\",\"object\":\"thread.run\",\"created_at\":" + createdAt + ","
                + "\"thread_id\":\"thread_1\",\"assistant_id\":\"asst_1\",\"status\":\"completed\","
                + "\"required_action\":null,\"last_error\":null,\"model\":\"gpt-4o\",\"instructions\":null,"
                + "\"tools\":[],\"metadata\":{},\"usage\":null}";
    }

    static String page(List<String> ids, boolean hasMore) {
        String data = ids.stream().map(Pages::run).collect(Collectors.joining(","));
        String first = ids.isEmpty() ? "null" : "\"" + ids.get(0) + "\"";
        String last = ids.isEmpty() ? "null" : "\"" + ids.get(ids.size() - 1) + "\"";
        return "{\"object\":\"list\",\"data\":[" + data + "],\"first_id\":" + first + ",\"last_id\":" + last
                + ",\"has_more\":" + hasMore + "}";
    }

    /** A page whose first_id and last_id are given as JSON literals (such as {@code "\"run_1\""}, {@code "null"}). */
    static String pageWithIds(List<String> runs, String firstId, String lastId, boolean hasMore) {
        return "{\"object\":\"list\",\"data\":[" + String.join(",", runs) + "],\"first_id\":" + firstId
                + ",\"last_id\":" + lastId + ",\"has_more\":" + hasMore + "}";
    }

    static String page(boolean hasMore, String... ids) {
        return page(List.of(ids), hasMore);
    }

    static String error(String message, String type, String param, String code) {
        return "{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"param\":"
                + (param == null ? "null" : "\"" + param + "\"") + ",\"code\":"
                + (code == null ? "null" : "\"" + code + "\"") + "}}";
    }
}
