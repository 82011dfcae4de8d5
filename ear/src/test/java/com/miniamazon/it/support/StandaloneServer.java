package com.miniamazon.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A WildFly a test unpacks, configures and runs itself, the way the README tells a deployer to: unzip the
 * distribution, run the wildfly-config scripts with jboss-cli.sh, drop the EAR into standalone/deployments,
 * start bin/standalone.sh. Runs on a port offset so it never meets the build's own server.
 */
public final class StandaloneServer implements AutoCloseable {

    private final Path home;
    private final int portOffset;
    private final Path log;
    private Process process;

    private StandaloneServer(Path home, int portOffset) {
        this.home = home;
        this.portOffset = portOffset;
        this.log = home.resolve("console.log");
    }

    /** Unzips the WildFly distribution the build downloaded into {@code parent}. */
    public static StandaloneServer unpack(Path parent, int portOffset) throws IOException {
        Path zip = Path.of(System.getProperty("wildfly.dist.zip"));
        Path root = null;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                Path target = parent.resolve(entry.getName()).normalize();
                if (!target.startsWith(parent)) {
                    throw new IOException("zip entry outside the target: " + entry.getName());
                }
                if (root == null) {
                    root = parent.resolve(Path.of(entry.getName()).getName(0));
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    if (target.toString().endsWith(".sh")) {
                        target.toFile().setExecutable(true);
                    }
                }
            }
        }
        return new StandaloneServer(root, portOffset);
    }

    public Path home() {
        return home;
    }

    public int httpPort() {
        return 8080 + portOffset;
    }

    public String shopUrl() {
        return "http://127.0.0.1:" + httpPort() + "/";
    }

    /** Runs a CLI script as the deployer would; returns the CLI's output, failing the test when the CLI fails. */
    public String cli(Path script, String... systemProperties) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/jboss-cli.sh").toString(), "--file=" + script));
        command.addAll(List.of(systemProperties));
        Process cli = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes());
        if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0) {
            throw new AssertionError("jboss-cli " + script.getFileName() + " failed:\n" + output);
        }
        return output;
    }

    /** The deployer's drop: copy the EAR into standalone/deployments. */
    public void drop(Path ear) throws IOException {
        Files.copy(ear, home.resolve("standalone/deployments").resolve(ear.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    /** Starts bin/standalone.sh with the full profile and the given environment, and waits for the shop. */
    public void start(Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-c", "standalone-full.xml", "-Djboss.socket.binding.port-offset=" + portOffset)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Waits until the deployment scanner reports the EAR deployed (or failed) and the shop answers. */
    public void awaitDeployed(String earName, Duration timeout) {
        Path deployed = home.resolve("standalone/deployments/" + earName + ".deployed");
        Path failed = home.resolve("standalone/deployments/" + earName + ".failed");
        await().atMost(timeout).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (Files.exists(failed)) {
                throw new AssertionError("deployment failed: " + Files.readString(failed));
            }
            if (process != null && !process.isAlive()) {
                throw new AssertionError("the server exited; see " + log);
            }
            return Files.exists(deployed) && answers();
        });
    }

    private boolean answers() throws InterruptedException {
        try {
            return get("").statusCode() == 200;
        } catch (IOException e) {
            return false; // not listening yet
        }
    }

    public HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(shopUrl() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    public String serverLog() {
        try {
            return Files.readString(home.resolve("standalone/log/server.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The management port (9990 + offset): health, metrics and the management API. */
    public int managementPort() {
        return 9990 + portOffset;
    }

    /** Whether the server's processes still run. */
    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The server's JVM (the java child of standalone.sh), while it runs. */
    public ProcessHandle jvm() {
        if (process == null) {
            throw new IllegalStateException("the server is not running");
        }
        return process.descendants().filter(p -> p.info().command().map(c -> c.endsWith("java")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no java process under standalone.sh"));
    }

    /**
     * SIGKILL to the server's JVM and its script, as a power cut or the kernel's OOM killer would: no shutdown
     * hooks, no graceful undeploy, open transactions cut off mid-way.
     */
    public void kill() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new IllegalStateException("process " + p.pid() + " survived SIGKILL for 30 s", e);
            }
        }
        process = null;
    }

    /**
     * Runs one management operation on the running server through jboss-cli.sh (local authentication, as an
     * operator on the machine would) and returns its output, failing the test when the CLI fails.
     */
    public String manage(String operation) throws IOException, InterruptedException {
        return manage(home, managementPort(), operation);
    }

    /** {@link #manage(String)} on any running server: the test suite's own, or one of an own stack. */
    public static String manage(Path home, int managementPort, String operation) throws IOException, InterruptedException {
        List<String> command = List.of(home.resolve("bin/jboss-cli.sh").toString(), "--connect",
                "--controller=remote+http://127.0.0.1:" + managementPort, "--command=" + operation);
        Process cli = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true).start();
        String output = new String(cli.getInputStream().readAllBytes());
        if (!cli.waitFor(120, TimeUnit.SECONDS) || cli.exitValue() != 0 || !output.contains("\"outcome\" => \"success\"")) {
            throw new AssertionError("jboss-cli " + operation + " failed:\n" + output);
        }
        return output;
    }

    /** Stops the server the way Ctrl-C would and waits for it to go. */
    public void stop() {
        if (process == null) {
            return;
        }
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        tree.forEach(ProcessHandle::destroy);
        for (ProcessHandle p : tree) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (Exception e) {
                p.destroyForcibly();
            }
        }
        process = null;
    }

    @Override
    public void close() {
        stop();
    }

}
