package dev.runlist.modulepath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.runlist.model.Run;
import dev.runlist.testing.FakeRunsApi;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Launches the application module {@code dev.runlist.modulepath.app} as a child JVM on the module path
 * ({@code java --module-path … --module …}; core, both transports and their dependencies as named or
 * automatic modules, nothing on the class path) with each transport, against the loopback fake
 * started here, and checks it lists every run.
 */
class ModulePathTest {

    private static final String THREAD = "thread_module_path";

    private FakeRunsApi fake;
    private List<Run> seeded;
    private String baseUrl;

    @BeforeEach
    void startFake() {
        fake = FakeRunsApi.builder().build();
        seeded = fake.seedThread(THREAD, 45, 7);
        baseUrl = fake.startHttp();
    }

    @AfterEach
    void stopFake() {
        fake.close();
    }

    /** The transport is found through uses/provides and lists all 45 runs (3 pages) from the fake. */
    @ParameterizedTest
    @ValueSource(strings = {"jdk", "apache"})
    void listsEveryRunOnTheModulePath(String transport) throws Exception {
        String modulePath = Files.readString(Path.of(System.getProperty("runlist.modulePathFile"))).trim()
                + File.pathSeparator + System.getProperty("runlist.appClasses");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-Drunlist.transport=" + transport,
                "--module-path", modulePath,
                "--module", "dev.runlist.modulepath.app/dev.runlist.modulepath.app.ListRunsApp",
                baseUrl, FakeRunsApi.DEFAULT_API_KEY, THREAD));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = readAll(p);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("the application ends").isTrue();
        System.out.println("module path [" + transport + "]:\n" + output);
        assertThat(p.exitValue()).as("exit status; output:\n%s", output).isZero();
        assertThat(output).contains("module: dev.runlist")
                .contains("providers: apache, jdk")
                .contains("transport: dev.runlist.transport." + transport + ".")
                .contains("runs: 45")
                .contains("first: " + seeded.get(44).id())
                .contains("last: " + seeded.get(0).id());
        assertThat(fake.requestCount()).isEqualTo(3);
    }

    private static String readAll(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
