package dev.runlist.cli;

import dev.runlist.model.LastError;
import dev.runlist.model.LastErrorCode;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import dev.runlist.model.Usage;
import java.time.Instant;

/** Hand-made runs with exactly the values a test needs. */
final class TestRuns {

    static final Instant T0 = Instant.parse("2026-05-01T10:00:00Z");

    private TestRuns() {}

    /** A run of {@code thread} created {@code createdSecond} seconds after {@link #T0}. */
    static Run.Builder run(String thread, String id, RunStatus status, long createdSecond) {
        return Run.builder().id(id).threadId(thread).assistantId("asst_test").status(status).model("gpt-4o")
                .createdAt(T0.plusSeconds(createdSecond));
    }

    static Instant at(long second) {
        return T0.plusSeconds(second);
    }

    static Usage usage(long prompt, long completion) {
        return new Usage(completion, prompt, prompt + completion);
    }

    static LastError error(String code, String message) {
        return new LastError(code == null ? null : LastErrorCode.of(code), message);
    }
}
