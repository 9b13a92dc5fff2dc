package dev.runlist.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** {@code runlist serve-fake} as a child process, stopped (by its own pid) when closed. */
final class ServeFakeProcess implements AutoCloseable {

    private final Process process;
    private final String baseUrl;
    private final List<String> banner = new ArrayList<>();

    /** Starts {@code serve-fake args} with {@code jvmArgs} and waits (up to 60 s) for its whole banner. */
    ServeFakeProcess(List<String> jvmArgs, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmArgs);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), RunlistCli.class.getName(), "serve-fake"));
        cmd.addAll(Arrays.asList(args));
        process = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        process.getOutputStream().close();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> url = CompletableFuture.supplyAsync(() -> {
            try {
                String line;
                String base = null;
                while ((line = out.readLine()) != null) {
                    synchronized (banner) {
                        banner.add(line);
                    }
                    if (line.startsWith("base URL: ")) {
                        base = line.substring("base URL: ".length()).trim();
                    }
                    if (line.startsWith("try: ")) {
                        return base;
                    }
                }
                return null;
            } catch (IOException e) {
                return null;
            }
        });
        String found;
        try {
            found = url.get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            found = null;
        }
        if (found == null) {
            process.destroyForcibly();
            throw new IllegalStateException("serve-fake printed no base URL: " + banner());
        }
        baseUrl = found;
        // Keep draining what it prints so it never blocks on a full pipe.
        Thread drain = new Thread(() -> {
            try {
                String line;
                while ((line = out.readLine()) != null) {
                    synchronized (banner) {
                        banner.add(line);
                    }
                }
            } catch (IOException ignored) {
                // The process ended.
            }
        }, "serve-fake-output");
        drain.setDaemon(true);
        drain.start();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** Every line printed so far. */
    List<String> banner() {
        synchronized (banner) {
            return List.copyOf(banner);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }
}
