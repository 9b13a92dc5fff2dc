package dev.runlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.errors.ApiError;
import dev.runlist.errors.ApiException;
import dev.runlist.json.RunsJson;
import dev.runlist.model.Run;
import dev.runlist.model.RunStatus;
import dev.runlist.spi.Transport;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.jspecify.annotations.NullMarked;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The nullness promises of the public API, as users' tools read them (JSpecify annotations kept in the
 * class files). NullAway checks at build time that the code keeps them.
 */
class NullnessTest {

    @ParameterizedTest
    @ValueSource(classes = {RunsClient.class, Run.class, ApiException.class, RunsJson.class, Transport.class})
    void everyExportedPackageIsNullMarked(Class<?> inPackage) {
        assertThat(inPackage.getPackage().isAnnotationPresent(NullMarked.class)).as(inPackage.getPackageName()).isTrue();
        assertThat(inPackage.getModule().getDescriptor() == null
                || inPackage.getModule().getDescriptor().exports().stream()
                        .anyMatch(e -> e.source().equals(inPackage.getPackageName()))).isTrue();
    }

    /** Exactly the fields the API may leave out or send as null are @Nullable; the rest never are. */
    @Test
    void theRunsNullableAccessorsAreTheOptionalFields() {
        assertThat(nullableAccessors(Run.class)).containsExactlyInAnyOrder(
                "requiredAction", "lastError", "expiresAt", "startedAt", "cancelledAt", "failedAt", "completedAt",
                "incompleteDetails", "instructions", "toolResources", "metadata", "usage", "temperature", "topP",
                "maxPromptTokens", "maxCompletionTokens", "truncationStrategy", "toolChoice", "parallelToolCalls",
                "responseFormat");
    }

    @Test
    void anInProgressRunHasNoUsageAndTheTypeSaysSo() throws Exception {
        String body = Pages.run("run_1").replace("\"completed\"", "\"in_progress\"");
        Run run = RunsJson.standard().readRun(body.getBytes(StandardCharsets.UTF_8));
        assertThat(run.status()).isEqualTo(RunStatus.IN_PROGRESS);
        assertThat(run.status().isTerminal()).isFalse();
        assertThat(run.usage()).isNull();
        assertThat(Run.class.getMethod("usage").getAnnotatedReturnType().isAnnotationPresent(Nullable.class)).isTrue();
    }

    @Test
    void pageAndErrorAccessorsSayWhatMayBeAbsent() {
        assertThat(nullableAccessors(ApiError.class)).containsExactlyInAnyOrder("type", "code", "param", "message", "requestId",
                "retryAfter");
        assertThat(nullableAccessors(ApiException.class)).containsExactly("requestId");
        assertThat(nullableAccessors(RunPage.class)).as("RunPage answers with Optional").isEmpty();
        assertThat(nullableAccessors(ListRunsParams.class)).as("ListRunsParams answers with Optional").isEmpty();
    }

    private static Set<String> nullableAccessors(Class<?> type) {
        return Arrays.stream(type.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && !Modifier.isStatic(m.getModifiers()))
                .filter(m -> m.getParameterCount() == 0)
                .filter(m -> m.getAnnotatedReturnType().isAnnotationPresent(Nullable.class))
                .map(Method::getName)
                .collect(Collectors.toCollection(TreeSet::new));
    }
}
