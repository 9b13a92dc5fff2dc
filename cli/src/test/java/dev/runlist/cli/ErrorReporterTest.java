package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.errors.ApiError;
import dev.runlist.errors.ApiException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** One clear line per failure; a 404 from api.openai.com explains the Assistants API shutdown. */
class ErrorReporterTest {

    private static String report(Exception e, boolean openAi) {
        StringWriter w = new StringWriter();
        ErrorReporter.report(e, new PrintWriter(w, true), openAi);
        return w.toString();
    }

    private static ApiException notFound(String message) {
        return ApiException.of(new ApiError(404, "invalid_request_error", null, null, message, "req_123", 1));
    }

    @Test
    void aNotFoundFromOpenAiThatIsNotAnUnknownThreadExplainsTheShutdown() {
        String line = report(notFound("Invalid URL (GET /v1/threads/thread_abc/runs)"), true);
        assertThat(line.strip().lines()).hasSize(1);
        assertThat(line).startsWith("runlist: the API answered HTTP 404: Invalid URL").contains("request id req_123")
                .contains("shut down its hosted Assistants API on 2026-08-26").contains("--base-url")
                .contains("AZURE_OPENAI_ENDPOINT").contains("AZURE_OPENAI_API_KEY");
        assertThat(report(notFound(null), true)).contains("shut down");
    }

    @Test
    void anUnknownThreadOrAnotherServerKeepsTheThreadHint() {
        String unknownThread = report(notFound("No thread found with id 'thread_abc'."), true);
        assertThat(unknownThread).contains("Check the thread id").doesNotContain("shut down");
        String elsewhere = report(notFound("Invalid URL (GET /v1/threads/thread_abc/runs)"), false);
        assertThat(elsewhere).contains("Check the thread id").doesNotContain("shut down");
    }

    /** A command that failed after calling OpenAI's hosted API. */
    @picocli.CommandLine.Command(name = "fails")
    static final class CallsOpenAi implements java.util.concurrent.Callable<Integer>, ErrorReporter.CallsApi {
        @Override
        public Integer call() {
            throw notFound("Invalid URL (GET /v1/threads/thread_abc/runs)");
        }

        @Override
        public boolean targetsOpenAi() {
            return true;
        }
    }

    @Test
    void theHandlerAsksTheFailedCommandWhereItsCallWent() {
        StringWriter err = new StringWriter();
        picocli.CommandLine cli = new picocli.CommandLine(new CallsOpenAi());
        cli.setErr(new PrintWriter(err, true));
        cli.setExecutionExceptionHandler(new ErrorReporter());
        assertThat(cli.execute()).isEqualTo(ExitCodes.API_ERROR);
        assertThat(err.toString()).contains("shut down its hosted Assistants API");
    }

    @Test
    void onlyOpenAisHostedApiCountsAsOpenAi() {
        assertThat(ApiConnection.targetsOpenAi(Map.of("OPENAI_API_KEY", "sk-x"), null, null)).isTrue();
        assertThat(ApiConnection.targetsOpenAi(Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "https://API.openai.com/v1/"), null, null))
                .isTrue();
        assertThat(ApiConnection.targetsOpenAi(Map.of("OPENAI_API_KEY", "sk-x"), "http://127.0.0.1:8080/v1", null)).isFalse();
        assertThat(ApiConnection.targetsOpenAi(Map.of("OPENAI_API_KEY", "sk-x", "OPENAI_BASE_URL", "https://llm.example.com/v1"), null, null))
                .isFalse();
        assertThat(ApiConnection.targetsOpenAi(Map.of("AZURE_OPENAI_ENDPOINT", "https://r.openai.azure.com",
                "AZURE_OPENAI_API_KEY", "k"), null, null)).isFalse();
        assertThat(ApiConnection.targetsOpenAi(Map.of("OPENAI_API_KEY", "sk-x"), null, "https://r.openai.azure.com"))
                .isFalse();
        assertThat(ApiConnection.targetsOpenAi(Map.of(), null, null)).isFalse(); // the embedded fake
    }

    @Test
    void serverTextInAnErrorLineCannotControlTheTerminal() {
        String line = report(notFound("No thread found with id 'thread_\u001b]0;owned\u0007\u001b[2J'."), false);
        assertThat(line.strip()).doesNotContainPattern("[\\x00-\\x1f\\x7f-\\x9f]").contains("thread_\\x1B]0;owned\\x07\\x1B[2J");
    }
}
