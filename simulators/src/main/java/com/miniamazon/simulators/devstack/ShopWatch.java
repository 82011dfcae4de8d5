package com.miniamazon.simulators.devstack;

import com.miniamazon.simulators.Options;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The last step of the run command: waits until the shop answers, prints where it is, and keeps the run alive
 * until it is stopped; stopping it (Ctrl-C, SIGTERM) stops the WildFly server it watches. {@code stop} ends a
 * run from another terminal.
 */
public final class ShopWatch {

    private static final Logger LOG = Logger.getLogger(ShopWatch.class);
    private static final Set<String> OPTIONS = Set.of("url", "jboss-home", "timeout-seconds");
    private static final String DEV_STACK_MARKER = "com.miniamazon.simulators.Main dev-stack";

    private ShopWatch() {}

    /** {@code watch-shop --url=http://127.0.0.1:8080/ --jboss-home=...}. */
    public static int watch(String[] args) throws Exception {
        Options options = Options.parse(args, 0, OPTIONS);
        URI url = URI.create(options.string("url", "http://127.0.0.1:8080/"));
        Path jbossHome = Path.of(options.string("jboss-home", "ear/target/wildfly")).toAbsolutePath().normalize();
        Duration timeout = Duration.ofSeconds(options.integer("timeout-seconds", 180));

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stopServer(jbossHome);
            stopped.countDown();
        }, "stop-wildfly"));

        if (!awaitShop(url, timeout)) {
            LOG.errorf("The shop did not answer at %s within %d s; see %s", url, timeout.toSeconds(),
                    jbossHome.resolve("standalone/log/server.log"));
            return 1;
        }
        System.out.printf("%n  Mini-Amazon is running: %s%n"
                        + "  Server log: %s%n"
                        + "  Press Ctrl-C to stop WildFly, the simulators and any embedded PostgreSQL.%n%n",
                url, jbossHome.resolve("standalone/log/server.log"));
        stopped.await();
        return 0;
    }

    /** {@code stop --jboss-home=...}: stops a run started in another terminal. */
    public static int stop(String[] args) {
        Options options = Options.parse(args, 0, OPTIONS);
        Path jbossHome = Path.of(options.string("jboss-home", "ear/target/wildfly-39.0.1.Final")).toAbsolutePath().normalize();
        stopServer(jbossHome);
        List<ProcessHandle> stacks = processesWhoseCommandLineContains(DEV_STACK_MARKER);
        stacks.forEach(ShopWatch::terminate);
        LOG.infof("Stopped %d development stack process(es)", stacks.size());
        return 0;
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

    private static void stopServer(Path jbossHome) {
        List<ProcessHandle> servers = processesWhoseCommandLineContains("-Djboss.home.dir=" + jbossHome);
        servers.forEach(ShopWatch::terminate);
        if (!servers.isEmpty()) {
            LOG.infof("Stopped WildFly at %s", jbossHome);
        }
    }

    private static List<ProcessHandle> processesWhoseCommandLineContains(String marker) {
        long self = ProcessHandle.current().pid();
        return ProcessHandle.allProcesses()
                .filter(p -> p.pid() != self)
                .filter(p -> p.info().commandLine().map(c -> c.contains(marker)).orElse(false))
                .toList();
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
