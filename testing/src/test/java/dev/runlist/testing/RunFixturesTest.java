package dev.runlist.testing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.json.RunsJson;
import dev.runlist.model.LastErrorCode;
import dev.runlist.model.ResponseFormat;
import dev.runlist.model.ResponseFormatMode;
import dev.runlist.model.Run;
import dev.runlist.model.RunListResponse;
import dev.runlist.model.RunStatus;
import dev.runlist.model.Tool;
import dev.runlist.model.ToolChoice;
import dev.runlist.model.ToolChoiceMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The seeded fixtures are deterministic, varied like real runs, and survive the wire. */
class RunFixturesTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T00:00:00Z"), ZoneOffset.UTC);

    private final List<Run> runs = RunFixtures.create(42, CLOCK).runs("thread_f", 300);

    @Test
    void sameSeedAndClockGiveTheSameRunsAndAnotherSeedDoesNot() {
        assertThat(RunFixtures.create(42, CLOCK).runs("thread_f", 300)).isEqualTo(runs);
        assertThat(RunFixtures.create(43, CLOCK).runs("thread_f", 300)).isNotEqualTo(runs);
    }

    @Test
    void everyStatusAndErrorCodeAppears() {
        Set<RunStatus> statuses = runs.stream().map(Run::status).collect(Collectors.toSet());
        assertThat(statuses).contains(RunStatus.QUEUED, RunStatus.IN_PROGRESS, RunStatus.REQUIRES_ACTION,
                RunStatus.CANCELLING, RunStatus.CANCELLED, RunStatus.FAILED, RunStatus.COMPLETED, RunStatus.INCOMPLETE,
                RunStatus.EXPIRED);
        Set<LastErrorCode> codes = runs.stream().map(Run::lastError).filter(Objects::nonNull).map(e -> e.code())
                .collect(Collectors.toSet());
        assertThat(codes).contains(LastErrorCode.SERVER_ERROR, LastErrorCode.RATE_LIMIT_EXCEEDED, LastErrorCode.INVALID_PROMPT);
        assertThat(runs).filteredOn(r -> r.status().equals(RunStatus.REQUIRES_ACTION))
                .allSatisfy(r -> assertThat(r.requiredAction().submitToolOutputs().toolCalls()).isNotEmpty());
        assertThat(runs).filteredOn(r -> r.status().equals(RunStatus.INCOMPLETE))
                .allSatisfy(r -> assertThat(r.incompleteDetails()).isNotNull());
    }

    @Test
    void everyUnionShapeAppears() {
        Set<Class<?>> tools = runs.stream().flatMap(r -> r.tools().stream()).map(Object::getClass).collect(Collectors.toSet());
        assertThat(tools).contains(Tool.CodeInterpreterTool.class, Tool.FileSearchTool.class, Tool.FunctionTool.class);
        Set<Class<?>> choices = runs.stream().map(Run::toolChoice).filter(Objects::nonNull).map(Object::getClass)
                .collect(Collectors.toSet());
        assertThat(choices).contains(ToolChoiceMode.class, ToolChoice.Named.class);
        Set<Class<?>> formats = runs.stream().map(Run::responseFormat).filter(Objects::nonNull).map(Object::getClass)
                .collect(Collectors.toSet());
        assertThat(formats).contains(ResponseFormatMode.class, ResponseFormat.TextFormat.class,
                ResponseFormat.JsonObjectFormat.class, ResponseFormat.JsonSchemaFormat.class);
        assertThat(runs).anyMatch(r -> r.instructions() == null).anyMatch(r -> r.instructions() != null);
        assertThat(runs).anyMatch(r -> r.metadata() != null && r.metadata().values().stream()
                .anyMatch(v -> v.codePoints().anyMatch(c -> c > 0xFFFF)));
    }

    @Test
    void createdAtTiesExistSoTheIdTieBreakMatters() {
        long distinct = runs.stream().map(Run::createdAt).distinct().count();
        assertThat(distinct).isLessThan(runs.size());
        List<Run> sorted = runs.stream()
                .sorted(Comparator.comparing(Run::createdAt).thenComparing(Run::id))
                .collect(Collectors.toList());
        assertThat(runs).as("runs come oldest first, ties by id").isEqualTo(sorted);
    }

    @Test
    void everyRunSurvivesTheWire() {
        RunsJson json = RunsJson.standard();
        RunListResponse page = new RunListResponse(runs, runs.get(0).id(), runs.get(runs.size() - 1).id(), false);
        assertThat(json.readPage(json.writePage(page, true))).isEqualTo(page);
        assertThat(json.readPage(json.writePage(page, false))).isEqualTo(page);
    }
}
