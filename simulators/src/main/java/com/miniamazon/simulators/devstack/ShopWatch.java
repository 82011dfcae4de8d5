package com.miniamazon.simulators.devstack;

import com.miniamazon.simulators.Options;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The last step of the run command: waits until the shop answers, prints where it is, and keeps the run alive
 * until it is stopped, then stops the WildFly server it watches. It stops on Ctrl-C or SIGTERM, or when
 * {@code stop} (from another terminal) leaves a stop request beside the server, in which case it ends normally
 * and the build finishes cleanly, taking the simulators and any embedded PostgreSQL with it.
 */
public final class ShopWatch {

    private static final Logger LOG = Logger.getLogger(ShopWatch.class);
    private static final Set<String> OPTIONS = Set.of("url", "jboss-home", "timeout-seconds");
    private static final String DEFAULT_JBOSS_HOME = "ear/target/wildfly-39.0.1.Final";
    private static final String WATCH_MARKER = "com.miniamazon.simulators.Main watch-shop";
    private static final String DEV_STACK_MARKER = "com.miniamazon.simulators.Main dev-stack";

    private ShopWatch() {}

    /** {@code watch-shop --url=http://127.0.0.1:8080/ --jboss-home=...}. */
    public static int watch(String[] args) throws Exception {
        Options options = Options.parse(args, 0, OPTIONS);
        URI url = URI.create(options.string("url", "http://127.0.0.1:8080/"));
        Path jbossHome = jbossHome(options);
        Duration timeout = Duration.ofSeconds(options.integer("timeout-seconds", 180));
        Path stopRequest = stopRequest(jbossHome);
        Files.deleteIfExists(stopRequest);

        Thread onSignal = new Thread(() -> stopServer(jbossHome), "stop-wildfly");
        Runtime.getRuntime().addShutdownHook(onSignal);

        if (!awaitShop(url, timeout)) {
            LOG.errorf("The shop did not answer at %s within %d s; see %s", url, timeout.toSeconds(),
                    jbossHome.resolve("standalone/log/server.log"));
            return 1;
        }
        System.out.printf("%n  Mini-Amazon is running: %s%n"
                        + "  Server log: %s%n"
                        + "  Press Ctrl-C to stop WildFly, the simulators and any embedded PostgreSQL.%n%n",
                url, jbossHome.resolve("standalone/log/server.log"));
        while (!Files.exists(stopRequest)) {
            if (server(jbossHome).isEmpty()) {
                LOG.errorf("WildFly at %s has stopped; see %s", jbossHome, jbossHome.resolve("standalone/log/server.log"));
                return 1;
            }
            Thread.sleep(500); // waiting for a person or another process; nothing to race with
        }
        Runtime.getRuntime().removeShutdownHook(onSignal);
        stopServer(jbossHome);
        Files.deleteIfExists(stopRequest);
        System.out.println("  Mini-Amazon stopped.");
        return 0;
    }

    /** {@code stop [--jboss-home=...]}: ends a run started in another terminal. */
    public static int stop(String[] args) throws IOException, InterruptedException {
        Options options = Options.parse(args, 0, OPTIONS);
        Path jbossHome = jbossHome(options);
        List<ProcessHandle> watchers = processesWhoseCommandLineContains(WATCH_MARKER);
        if (!watchers.isEmpty()) {
            Files.createDirectories(stopRequest(jbossHome).getParent());
            Files.writeString(stopRequest(jbossHome), Instant.now().toString());
            for (ProcessHandle watcher : watchers) {
                try {
                    watcher.onExit().get(90, TimeUnit.SECONDS);
                } catch (Exception e) {
                    LOG.warnf("The run (process %d) did not end within 90 s; stopping its processes directly", watcher.pid());
                }
            }
        }
        // Whatever is left of a run whose watcher is gone (killed, or a crashed build).
        stopServer(jbossHome);
        List<ProcessHandle> stacks = processesWhoseCommandLineContains(DEV_STACK_MARKER);
        stacks.forEach(ShopWatch::terminate);
        LOG.infof("Stopped: WildFly at %s%s", jbossHome, stacks.isEmpty() ? "" : " and " + stacks.size() + " leftover dev stack process(es)");
        return 0;
    }

    private static Path jbossHome(Options options) {
        return Path.of(options.string("jboss-home", DEFAULT_JBOSS_HOME)).toAbsolutePath().normalize();
    }

    private static Path stopRequest(Path jbossHome) {
        return jbossHome.resolveSibling("run").resolve("stop-requested");
    }

    private static boolean awaitShop(URI url, Duration timeout) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<Void> response = http.send(
                        HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(5)).GET().build(),
                        HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return true;
                }
            } catch (IOException e) {
                LOG.debugf("Shop not answering yet at %s: %s", url, e.getMessage());
            }
            Thread.sleep(500); // polling a server that gives no readiness signal to this process
        }
        return false;
    }

    private static Optional<ProcessHandle> server(Path jbossHome) {
        return processesWhoseCommandLineContains("-Djboss.home.dir=" + jbossHome).stream().findFirst();
    }

    private static void stopServer(Path jbossHome) {
        server(jbossHome).ifPresent(server -> {
            terminate(server);
            LOG.infof("Stopped WildFly at %s", jbossHome);
        });
    }

    private static List<ProcessHandle> processesWhoseCommandLineContains(String marker) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> commandLine(p).contains(marker))
                .toList();
    }

    /**
     * The whole command line. Java's own view of it is cut at 4096 characters on Linux, which a long class path
     * exceeds, so /proc is read where it exists.
     */
    private static String commandLine(ProcessHandle process) {
        Path proc = Path.of("/proc", Long.toString(process.pid()), "cmdline");
        try {
            if (Files.isReadable(proc)) {
                return new String(Files.readAllBytes(proc), StandardCharsets.UTF_8).replace('\0', ' ');
            }
        } catch (IOException e) {
            // the process ended meanwhile; fall through to what Java knows
        }
        return process.info().commandLine().orElse("");
    }

    /** SIGTERM lets the process shut down cleanly; a process that ignores it for 30 s is killed. */
    private static void terminate(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warnf("Process %d did not stop within 30 s (%s); killing it", process.pid(), e.toString());
            process.destroyForcibly();
        }
    }
}
