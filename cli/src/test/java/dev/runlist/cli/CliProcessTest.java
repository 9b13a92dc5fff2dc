package dev.runlist.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** {@code runlist} as a real process, as a person or a script runs it. */
class CliProcessTest {

    private record Result(int code, List<String> out, String err) {}

    private static ProcessBuilder command(Map<String, String> env, String... args) {
        return command(env, List.of(), args);
    }

    private static ProcessBuilder command(Map<String, String> env, List<String> jvmArgs, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunlistCli.class.getName()));
        cmd.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().remove("OPENAI_API_KEY");
        pb.environment().remove("AZURE_OPENAI_ENDPOINT");
        pb.environment().remove("OPENAI_BASE_URL");
        pb.environment().remove("AZURE_OPENAI_API_KEY");
        pb.environment().remove("OPENAI_API_VERSION");
        pb.environment().putAll(env);
        return pb;
    }

    private static Result run(Map<String, String> env, String... args) throws Exception {
        return run(env, List.of(), args);
    }

    private static Result run(Map<String, String> env, List<String> jvmArgs, String... args) throws Exception {
        Process p = command(env, jvmArgs, args).start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        List<String> lines = new String(out, StandardCharsets.UTF_8).lines().filter(l -> !l.isBlank()).toList();
        return new Result(p.exitValue(), lines, err);
    }

    @Test
    void listsFromTheEmbeddedFakeWithoutAKey() throws Exception {
        Result r = run(Map.of(), "list", "thread_demo", "--format", "jsonl", "--limit", "5");
        assertThat(r.code()).isEqualTo(0);
        assertThat(r.out()).hasSize(5).allSatisfy(l -> assertThat(l).startsWith("{\"id\":\"run_"));
        assertThat(r.err().lines().count()).isEqualTo(1);
        assertThat(r.err()).contains("OPENAI_API_KEY is not set");
    }

    @Test
    void listsFromServeFakeWithItsKeyAndReportsAWrongKey() throws Exception {
        Process server = command(Map.of(), "serve-fake", "--runs", "120", "--seed", "7").start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(server.getInputStream(), StandardCharsets.UTF_8));
            String baseUrl = null;
            String key = null;
            for (String line; (line = out.readLine()) != null && (baseUrl == null || key == null); ) {
                if (line.startsWith("base URL:")) {
                    baseUrl = line.substring("base URL:".length()).trim();
                } else if (line.startsWith("API key:")) {
                    key = line.substring("API key:".length()).trim();
                }
            }
            assertThat(baseUrl).startsWith("http://127.0.0.1:").endsWith("/v1");

            Result all = run(Map.of("OPENAI_API_KEY", key), "list", "thread_demo", "--all", "--format", "jsonl",
                    "--base-url", baseUrl, "--transport", "apache");
            assertThat(all.code()).isEqualTo(0);
            assertThat(all.out()).hasSize(120);
            assertThat(all.err()).isEmpty();

            Result wrong = run(Map.of("OPENAI_API_KEY", "sk-wrong-key-123456789"), "list", "thread_demo",
                    "--base-url", baseUrl);
            assertThat(wrong.code()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(wrong.err().strip().lines().count()).isEqualTo(1);
            assertThat(wrong.err()).contains("HTTP 401").contains("request id req_").contains("Check OPENAI_API_KEY")
                    .doesNotContain("sk-wrong-key-123456789");
        } finally {
            server.destroy();
            assertThat(server.waitFor(10, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    void withBothTransportsOnTheClassPathApacheWinsAndTheChoiceIsLogged() throws Exception {
        String debug = "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug";
        Result discovered = run(Map.of(), List.of(debug), "list", "thread_demo", "--limit", "1");
        assertThat(discovered.code()).isEqualTo(0);
        assertThat(discovered.err()).contains("Using runlist transport 'apache' (priority 200); found: ")
                .contains("jdk (priority 100)");
        assertThat(discovered.err()).contains("GET /v1/threads/thread_demo/runs?limit=1 -> 200");

        Result named = run(Map.of(), List.of(debug, "-Drunlist.transport=jdk"), "list", "thread_demo", "--limit", "1");
        assertThat(named.code()).isEqualTo(0);
        assertThat(named.err()).contains("Using runlist transport 'jdk'").contains("as runlist.transport asks");
    }

    @Test
    void unreachableApiIsANetworkError() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Result r = run(Map.of("OPENAI_API_KEY", "sk-x"), "list", "thread_demo", "--base-url",
                "http://127.0.0.1:" + port + "/v1");
        assertThat(r.code()).isEqualTo(ExitCodes.NETWORK);
        assertThat(r.err().strip().lines().count()).isEqualTo(1);
        assertThat(r.err()).startsWith("runlist: could not reach the API").contains("127.0.0.1:" + port);
    }

    @Test
    void badFlagIsAUsageError() throws IOException, Exception {
        Result r = run(Map.of(), "list", "thread_demo", "--limit", "500");
        assertThat(r.code()).isEqualTo(ExitCodes.USAGE);
        assertThat(r.err()).contains("limit").contains("1 and 100");
        assertThat(r.out()).isEmpty();
    }

    /** The value of the line {@code name: value} that {@code server} printed. */
    private static String printed(ServeFakeProcess server, String name) {
        return server.banner().stream().filter(l -> l.startsWith(name + ":")).findFirst()
                .map(l -> l.substring(name.length() + 1).trim()).orElseThrow();
    }

    @Test
    void listsFromServeFakeAsAzureByItsVariablesOrFlag() throws Exception {
        String debug = "-Dorg.slf4j.simpleLogger.defaultLogLevel=debug";
        try (ServeFakeProcess server = new ServeFakeProcess(List.of(), "--azure", "--runs", "120", "--seed", "7")) {
            String endpoint = printed(server, "endpoint");
            String key = printed(server, "API key");
            assertThat(endpoint).startsWith("http://127.0.0.1:");
            assertThat(server.baseUrl()).isEqualTo(endpoint + "/openai/v1");

            Result v1 = run(Map.of("AZURE_OPENAI_ENDPOINT", endpoint, "AZURE_OPENAI_API_KEY", key), List.of(debug),
                    "list", "thread_demo", "--all", "--format", "jsonl");
            assertThat(v1.code()).isEqualTo(0);
            assertThat(v1.out()).hasSize(120);
            assertThat(v1.err()).contains("GET /openai/v1/threads/thread_demo/runs -> 200");

            Result dated = run(Map.of("AZURE_OPENAI_API_KEY", key, "OPENAI_API_VERSION", "2024-05-01-preview"),
                    List.of(debug), "list", "thread_demo", "--azure-endpoint", endpoint, "--limit", "3", "--format",
                    "jsonl", "--transport", "apache");
            assertThat(dated.code()).isEqualTo(0);
            assertThat(dated.out()).hasSize(3);
            assertThat(dated.err()).contains("GET /openai/threads/thread_demo/runs?limit=3&api-version=2024-05-01-preview -> 200");

            Result wrong = run(Map.of("AZURE_OPENAI_API_KEY", "0123456789abcdef0123456789abcdef"), "list", "thread_demo",
                    "--azure-endpoint", endpoint);
            assertThat(wrong.code()).isEqualTo(ExitCodes.API_ERROR);
            assertThat(wrong.err().strip().lines().count()).isEqualTo(1);
            assertThat(wrong.err()).contains("HTTP 401: Access denied due to invalid subscription key")
                    .containsPattern("request id [0-9a-f-]{36}").contains("AZURE_OPENAI_API_KEY")
                    .doesNotContain("0123456789abcdef0123456789abcdef");

            Result noKey = run(Map.of(), "list", "thread_demo", "--azure-endpoint", endpoint);
            assertThat(noKey.code()).isEqualTo(ExitCodes.USAGE);
            assertThat(noKey.err()).contains("AZURE_OPENAI_API_KEY is not set").contains("serve-fake --azure");
        }
    }
}
