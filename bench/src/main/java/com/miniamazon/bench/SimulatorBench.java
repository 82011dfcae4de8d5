package com.miniamazon.bench;

import com.miniamazon.simulators.ups.UpsConfig;
import com.miniamazon.simulators.ups.UpsSimulator;
import com.miniamazon.simulators.world.WorldConfig;
import com.miniamazon.simulators.world.WorldSimulator;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.HdrHistogram.Histogram;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Prints the machine, the codec's frames/s (JMH, short runs), and the world simulator's round-trip latency and
 * commands/s on loopback at flakiness 0 and top simspeed, against the local PostgreSQL (a throw-away database).
 */
public final class SimulatorBench {

    /** Keeps the logging configuration alive: the JDK holds loggers weakly. */
    private static final Logger SIMULATOR_LOGS = Logger.getLogger("com.miniamazon.simulators");

    private SimulatorBench() {}

    public static void main(String[] args) throws Exception {
        String pg = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
        int seconds = Integer.getInteger("bench.seconds", 10);
        String loadBefore = loadAverage();
        System.out.printf("machine: %d cores, %s RAM, %s %s, %s%n", Runtime.getRuntime().availableProcessors(), memory(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), System.getProperty("os.name"));

        Options jmh = new OptionsBuilder().include(CodecBenchmark.class.getName()).forks(1).warmupIterations(2)
                .warmupTime(TimeValue.seconds(1)).measurementIterations(3).measurementTime(TimeValue.seconds(1)).build();
        List<String> codec = new ArrayList<>();
        for (RunResult r : new Runner(jmh).run()) {
            String name = r.getParams().getBenchmark().replaceAll(".*\\.", "");
            codec.add(String.format("codec %-15s %,14.0f frames/s (± %,.0f)", name, r.getPrimaryResult().getScore(),
                    r.getPrimaryResult().getScoreError()));
        }

        if (codec.size() != 3) {
            throw new IllegalStateException("the codec benchmarks did not all run (see JMH's output above)");
        }
        // One event log line per world event would dominate the measurement; the events still go to their table.
        SIMULATOR_LOGS.setLevel(Level.WARNING);
        String db = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = DriverManager.getConnection(pg + "postgres", "postgres", ""); Statement s = c.createStatement()) {
            s.execute("create database " + db);
        }
        List<String> world = new ArrayList<>();
        try (WorldSimulator sim = WorldSimulator.start(new WorldConfig("127.0.0.1", 0, 0, 0, 1000, 1_000_000,
                pg + db, "postgres", "", false))) {
            // Latency: one client, one command at a time.
            Histogram single = new Histogram(3_600_000_000L, 3);
            try (WorldLoad load = new WorldLoad(sim.amazonPort(), 1, 3000, single)) {
                load.run(500, Long.MAX_VALUE); // warm-up
                load.drain(1);
            }
            single.reset();
            sim.takeCommitStats();
            try (WorldLoad load = new WorldLoad(sim.amazonPort(), 1, 3000, single)) {
                load.run(3000, System.nanoTime() + seconds * 1_000_000_000L);
                load.drain(1);
            }
            world.add(String.format("world round trip, 1 client, 1 command in flight: p50 %.2f ms, p99 %.2f ms, max %.2f ms"
                    + " (%d commands)", single.getValueAtPercentile(50) / 1000.0, single.getValueAtPercentile(99) / 1000.0,
                    single.getMaxValue() / 1000.0, single.getTotalCount()));
            world.add("  group commit: " + sim.takeCommitStats());
            // Throughput: several worlds, many commands in flight each.
            for (int[] shape : new int[][] {{1, 256}, {4, 256}}) {
                int clients = shape[0];
                int window = shape[1];
                Histogram loaded = new Histogram(3_600_000_000L, 3);
                List<WorldLoad> loads = WorldLoad.open(sim.amazonPort(), clients, window, 2_000_000, loaded);
                long start = System.nanoTime();
                long deadline = start + seconds * 1_000_000_000L;
                List<Thread> senders = new ArrayList<>();
                List<Exception> failures = new ArrayList<>();
                for (WorldLoad load : loads) {
                    Thread t = new Thread(() -> {
                        try {
                            load.run(2_000_000, deadline);
                            load.drain(window);
                        } catch (Exception e) {
                            synchronized (failures) {
                                failures.add(e);
                            }
                        }
                    });
                    t.start();
                    senders.add(t);
                }
                for (Thread t : senders) {
                    t.join();
                }
                double elapsed = (System.nanoTime() - start) / 1e9;
                long total = loads.stream().mapToLong(WorldLoad::acked).sum();
                for (WorldLoad load : loads) {
                    load.close();
                }
                if (!failures.isEmpty()) {
                    throw failures.get(0);
                }
                world.add(String.format("world throughput, %d client(s) on %d world(s), %d commands in flight each: %,.0f commands/s"
                        + " acked (%,d in %.1f s); latency under load p50 %.2f ms, p99 %.2f ms", clients, clients, window,
                        total / elapsed, total, elapsed, loaded.getValueAtPercentile(50) / 1000.0,
                        loaded.getValueAtPercentile(99) / 1000.0));
                world.add("  group commit: " + sim.takeCommitStats());
            }
            // Whole orders through both simulators (the store's path without the store).
            String upsDb = db + "_ups";
            try (Connection c = DriverManager.getConnection(pg + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                s.execute("create database " + upsDb);
            }
            try (UpsSimulator ups = UpsSimulator.start(new UpsConfig("127.0.0.1", 0, "127.0.0.1", sim.upsPort(), 50, 0, 1000,
                    pg + upsDb, "postgres", "", UpsConfig.accounts("alice"), null))) {
                try (OrderLoad orders = new OrderLoad(ups.amazonPort(), sim.amazonPort())) {
                    orders.stock(1_000_000);
                    sim.takeCommitStats();
                    world.add(orders.run(seconds, 500));
                    world.add("  world group commit: " + sim.takeCommitStats());
                }
            } finally {
                try (Connection c = DriverManager.getConnection(pg + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                    s.execute("drop database if exists " + upsDb + " with (force)");
                }
            }
        } finally {
            try (Connection c = DriverManager.getConnection(pg + "postgres", "postgres", ""); Statement s = c.createStatement()) {
                s.execute("drop database if exists " + db + " with (force)");
            }
        }
        System.out.println();
        System.out.println("==== simulator benchmark ====");
        System.out.printf("machine: %d cores, %s RAM; load average before %s, after %s%n", Runtime.getRuntime().availableProcessors(),
                memory(), loadBefore, loadAverage());
        codec.forEach(System.out::println);
        world.forEach(System.out::println);
        System.out.println("(world: flakiness 0, simspeed 1000000, PostgreSQL on 127.0.0.1 with synchronous commit; each"
                + " command an APurchaseMore whose arrival is then acked; event log lines off, events still recorded)");
    }

    /** The 1-minute load average: other work on the machine skews every figure. */
    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kb = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format("%.1f GiB", kb / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            return "unknown (" + e.getMessage() + ")";
        }
        return "unknown";
    }
}
