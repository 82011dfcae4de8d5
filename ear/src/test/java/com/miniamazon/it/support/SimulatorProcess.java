package com.miniamazon.it.support;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One simulator (world or UPS) as its own process, started with the same command a person would type, so a
 * test can stop it gracefully, kill it with SIGKILL, and start it again on its database to see the store
 * reconnect and resume. Its output goes to a log file under the artefacts directory.
 */
public final class SimulatorProcess implements AutoCloseable {

    private final String name;
    private final List<String> arguments;
    private final Path log;
    private Process process;
    private volatile String readyLine;

    private SimulatorProcess(String name, List<String> arguments) {
        this.name = name;
        this.arguments = List.copyOf(arguments);
        this.log = TestEnvironment.artefactsDir().resolve("simulator-" + name + ".log");
    }

    /** A simulator command ({@code world} or {@code ups}) with its flags; not started yet. */
    public static SimulatorProcess of(String name, List<String> arguments) {
        return new SimulatorProcess(name, arguments);
    }

    /** Starts the process and waits for its ready line. */
    public SimulatorProcess start() {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-cp", System.getProperty("java.class.path"), "com.miniamazon.simulators.Main"));
        command.addAll(arguments);
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start simulator " + name, e);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        Thread pump = new Thread(() -> copyOutput(ready), "simulator-" + name + "-output");
        pump.setDaemon(true);
        pump.start();
        try {
            ready.get(60, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            close();
            throw new IllegalStateException("simulator " + name + " printed no ready line within 60 s; see " + log);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("simulator " + name + " did not start; see " + log, e);
        }
        return this;
    }

    /** SIGTERM, as Ctrl-C would: the simulator finishes what it holds and exits. */
    public void stop() {
        if (process != null) {
            process.destroy();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /** SIGKILL: the simulator dies mid-sentence, as after a crash. */
    public void kill() {
        if (process != null) {
            process.destroyForcibly();
            waitForExit(Duration.ofSeconds(30));
        }
    }

    /**
     * The port the simulator took for Amazon, from its ready line ("... ready: amazon port N, ..."): what a
     * simulator started with port 0 got.
     */
    public int amazonPort() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("amazon port (\\d+)").matcher(String.valueOf(readyLine));
        if (!m.find()) {
            throw new IllegalStateException("simulator " + name + " did not say its Amazon port: " + readyLine);
        }
        return Integer.parseInt(m.group(1));
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        stop();
    }

    private void waitForExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }

    private void copyOutput(CompletableFuture<Void> ready) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                var out = Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.write(line);
                out.newLine();
                out.flush();
                if (!ready.isDone() && line.contains("simulator ready")) {
                    readyLine = line;
                    ready.complete(null);
                }
            }
            ready.completeExceptionally(new IllegalStateException("simulator " + name + " exited"));
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
    }
}
