package com.miniamazon.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Recorder;
import org.HdrHistogram.Histogram;

/**
 * bench/soak: a steady order rate through the JSON API for a long time (30 minutes by default), printing one
 * line a minute: orders placed and failed, checkout-acknowledgement p50/p99 of that minute (open loop, from each
 * order's scheduled moment), orders delivered per second, orders still on their way, and WildFly's old
 * generation, resident memory and live threads. Before the first and after the last minute it has WildFly run
 * a full collection and prints the heap that survives it, so a leak shows as a difference, not as noise.
 */
public final class SoakBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Pattern OLD_GEN = Pattern.compile("jvm_memory_used_bytes\\{area=\"heap\",id=\"G1 Old Gen\"} ([0-9.eE+]+)");
    private static final Pattern LIVE_THREADS = Pattern.compile("(?m)^jvm_threads_live_threads ([0-9.eE+]+)");

    private SoakBench() {}

    public static void main(String[] args) throws Exception {
        String shop = System.getProperty("bench.url", "http://127.0.0.1:8080/");
        String management = System.getProperty("bench.management", "http://127.0.0.1:9990/");
        ShopOrders orders = ShopOrders.fromSystemProperties();
        int rate = Integer.getInteger("bench.rate", 10);
        int minutes = Integer.getInteger("bench.minutes", 30);
        int customerCount = Integer.getInteger("bench.customers", 20);
        long wildfly = FulfilmentBench.listener(URI.create(shop).getPort());
        System.out.printf("machine: %d cores, %s %s; shop at %s (WildFly pid %d); %d orders/s for %d min%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), shop, wildfly, rate, minutes);

        List<String[]> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            customers.add(FulfilmentBench.register(shop));
        }
        Recorder latency = new Recorder(3_600_000_000_000L, 3);
        AtomicLong placed = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService senders = Executors.newFixedThreadPool(Math.min(400, rate * 10));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        Random random = new Random(42);
        AtomicLong n = new AtomicLong();
        long started = System.nanoTime();
        long intervalNanos = 1_000_000_000L / rate;
        clock.scheduleAtFixedRate(() -> {
            long i = n.getAndIncrement();
            long due = started + i * intervalNanos;
            String[] customer = customers.get((int) (i % customers.size()));
            int product = 1 + random.nextInt(12);
            int x = random.nextInt(101) - 50;
            int y = random.nextInt(101) - 50;
            senders.submit(() -> {
                try {
                    int status = FulfilmentBench.placeOrder(shop, customer, product, x, y);
                    latency.recordValue(Math.max(0, System.nanoTime() - due));
                    (status == 201 ? placed : failed).incrementAndGet();
                } catch (IOException | InterruptedException e) {
                    failed.incrementAndGet();
                }
            });
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);

        // The first minute warms up; the heap that survives a full collection after it is the baseline.
        TimeUnit.MINUTES.sleep(1);
        latency.reset();
        long baseline = heapAfterFullCollection(wildfly);
        System.out.printf("after the warm-up minute: heap after a full collection %.0f MiB%n", baseline / 1048576.0);
        System.out.printf("%6s %7s %6s %9s %9s %11s %9s %9s %8s %8s%n", "minute", "placed", "failed", "ack p50",
                "ack p99", "delivered/s", "on way", "old gen", "RSS", "threads");
        double deliveredBefore = orders.delivered();
        long placedBefore = placed.get();
        long failedBefore = failed.get();
        Histogram interval = null;
        for (int minute = 1; minute <= minutes; minute++) {
            TimeUnit.MINUTES.sleep(1);
            interval = latency.getIntervalHistogram(interval);
            ShopOrders.Counts counts = orders.counts();
            String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(management + "metrics")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
            System.out.printf("%6d %7d %6d %7.1fms %7.1fms %11.1f %9.0f %7.0fMiB %6.0fMiB %8.0f%n", minute,
                    placed.get() - placedBefore, failed.get() - failedBefore,
                    interval.getValueAtPercentile(50) / 1e6, interval.getValueAtPercentile(99) / 1e6,
                    (counts.delivered() - deliveredBefore) / 60.0, (double) counts.onTheirWay(),
                    number(OLD_GEN, metrics) / 1048576.0, residentBytes(wildfly) / 1048576.0, number(LIVE_THREADS, metrics));
            deliveredBefore = counts.delivered();
            placedBefore = placed.get();
            failedBefore = failed.get();
        }
        clock.shutdownNow();
        senders.shutdown();
        senders.awaitTermination(2, TimeUnit.MINUTES);
        long end = heapAfterFullCollection(wildfly);
        System.out.printf("after %d min: heap after a full collection %.0f MiB (%+.0f MiB against the warm-up minute)%n",
                minutes, end / 1048576.0, (end - baseline) / 1048576.0);
        orders.close();
    }

    private static double number(Pattern pattern, String metrics) {
        Matcher m = pattern.matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : Double.NaN;
    }

    private static long residentBytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** Runs a full collection in WildFly (jcmd) and returns the heap in use after it. */
    private static long heapAfterFullCollection(long pid) throws IOException, InterruptedException {
        run("jcmd", Long.toString(pid), "GC.run");
        String info = run("jcmd", Long.toString(pid), "GC.heap_info");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(info);
        return m.find() ? Long.parseLong(m.group(1)) * 1024 : -1;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        process.waitFor();
        return output;
    }
}
