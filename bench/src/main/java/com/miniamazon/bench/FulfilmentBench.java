package com.miniamazon.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.HdrHistogram.Histogram;

/**
 * bench/fulfilment: steps the order rate through the JSON API of a running stack (open loop: orders are sent on
 * schedule whether or not earlier ones were answered, and latency counts from the scheduled moment, so a slow
 * shop cannot hide its queue) and prints, per step, checkout-acknowledgement latency p50/p99, orders delivered
 * per second during the step, and the CPU each process used. Mid-step it takes a thread dump of WildFly (jcmd)
 * and summarises what its busy threads were doing. At the end: the first rate whose p99 passes 100 ms, the
 * highest delivered/s, and PostgreSQL's top statements when pg_stat_statements is loaded.
 *
 * <p>Settings (system properties, set by bench/fulfilment from its environment): {@code bench.url},
 * {@code bench.shop.jdbc}, {@code bench.pg.user}, {@code bench.rates}, {@code bench.seconds}, {@code bench.customers},
 * {@code bench.warmup.seconds}, {@code bench.warmup.max-seconds}, {@code bench.warmup.jit-quiet-percent},
 * {@code bench.buyers}, {@code bench.think.ms}, {@code bench.paced.think.ms}, {@code bench.drain.seconds},
 * {@code bench.world.port}, {@code bench.ups.port}, {@code bench.flaky.percent}, {@code bench.out}.
 */
public final class FulfilmentBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final long TICKS_PER_SECOND = 100; // USER_HZ on Linux
    /** WildFly's JIT compiler threads, part of WildFly's CPU. */
    private static final String JIT = "wildfly-jit";

    private FulfilmentBench() {}

    public static void main(String[] args) throws Exception {
        String shop = System.getProperty("bench.url", "http://127.0.0.1:8080/");
        ShopOrders orders = ShopOrders.fromSystemProperties();
        List<Integer> rates = List.of(System.getProperty("bench.rates", "5,10,20,40,80").split("[, ]+")).stream()
                .filter(r -> !r.isBlank()).map(Integer::valueOf).toList();
        int seconds = Integer.getInteger("bench.seconds", 20);
        int customerCount = Integer.getInteger("bench.customers", 20);
        Path out = Path.of(System.getProperty("bench.out", "bench/target/fulfilment"));
        Files.createDirectories(out);

        Map<String, Long> processes = new LinkedHashMap<>();
        processes.put("wildfly", listener(URI.create(shop).getPort()));
        processes.put("world", listener(Integer.getInteger("bench.world.port", 23456)));
        processes.put("ups", listener(Integer.getInteger("bench.ups.port", 34567)));
        processes.put("bench", ProcessHandle.current().pid());
        System.out.printf("machine: %d cores, %s %s, load average %s; shop at %s; steps %s orders/s x %d s; processes %s%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"), System.getProperty("java.version"),
                loadAverage(), shop, rates, seconds, processes);

        List<String[]> customers = new ArrayList<>();
        for (int i = 0; i < customerCount; i++) {
            customers.add(register(shop));
        }
        warmUp(shop, orders, customers, processes, out);
        System.out.printf("%8s %8s %7s %9s %9s %11s   %s%n", "orders/s", "placed", "errors", "ack p50", "ack p99", "delivered/s",
                "CPU % of one core (wildfly, of it its JIT compiler, world, ups, postgres, bench)");
        Integer knee = null;
        double ceiling = 0;
        Random random = new Random(42);
        for (int rate : rates) {
            Step step = runStep(shop, orders, customers, rate, seconds, random, processes, out);
            double p99 = step.latency.getValueAtPercentile(99) / 1e6;
            System.out.printf("%8d %8d %7d %7.1fms %7.1fms %11.1f   %s%n", rate, step.placed, step.errors,
                    step.latency.getValueAtPercentile(50) / 1e6, p99, step.deliveredPerSecond, format(step.cpu));
            System.out.printf("         busiest in WildFly mid-step (%s): %s%n", step.dump, step.busy);
            if (knee == null && p99 > 100) {
                knee = rate;
            }
            ceiling = Math.max(ceiling, step.deliveredPerSecond);
        }
        System.out.printf("checkout-ack p99 passes 100 ms at: %s; delivered/s ceiling seen: %.1f%n",
                knee == null ? "no step (all below)" : knee + " orders/s", ceiling);

        int buyers = Integer.getInteger("bench.buyers", 50);
        long thinkMillis = Long.getLong("bench.think.ms", 0);
        // Buyers who never pause measure the store at saturation, where latency is the buyers over the throughput
        // (Little's law); buyers pausing like people between orders measure the checkout a crowd of shoppers sees.
        // With thinkMillis 0, the same buyers first shop at that pace.
        long pacedMillis = Long.getLong("bench.paced.think.ms", 1000);
        int drainSeconds = Integer.getInteger("bench.drain.seconds", 300);
        List<String[]> own = new ArrayList<>(customers);
        Step closed = null;
        Step paced = null;
        if (buyers > 0) {
            while (own.size() < buyers) {
                own.add(register(shop));
            }
            // Each buyer signs in before shopping, as people do: its first authenticated call verifies the password
            // with PBKDF2 (a tenth of a second of CPU), which belongs to signing in, not to checking out.
            for (String[] buyer : own.subList(0, buyers)) {
                signIn(shop, buyer);
            }
            if (pacedMillis > 0 && thinkMillis == 0) {
                paced = runBuyers(shop, orders, own.subList(0, buyers), seconds, pacedMillis, processes);
                printBuyers(paced, buyers, seconds, pacedMillis);
            }
            closed = runBuyers(shop, orders, own.subList(0, buyers), seconds, thinkMillis, processes);
            printBuyers(closed, buyers, seconds, thinkMillis);
        }
        Drain steady = drain(orders, drainSeconds);

        // The same buyers again with both simulators dropping a share of what they receive, changed in the running
        // simulators (JMX) so that both figures come from one run on one store.
        int flakyPercent = Integer.getInteger("bench.flaky.percent", 30);
        Drain flaky = null;
        String flakySkipped = flakyPercent <= 0 ? "not asked for (BENCH_FLAKY_PERCENT=0)"
                : buyers <= 0 ? "needs the buyers (BENCH_BUYERS=0)" : null;
        if (flakySkipped == null) {
            try (SimulatorFlakiness knobs = SimulatorFlakiness.attach(List.of(processes.get("world"), processes.get("ups")))) {
                Map<String, Integer> before = knobs.setAll(flakyPercent);
                System.out.printf("flakiness %d %% in the simulators (was %s), the same %d buyers again, then the drain:%n",
                        flakyPercent, before, buyers);
                Step flakyBuyers = runBuyers(shop, orders, own.subList(0, buyers), seconds, thinkMillis, processes);
                printBuyers(flakyBuyers, buyers, seconds, thinkMillis);
                flaky = drain(orders, drainSeconds);
            } catch (IOException e) {
                flakySkipped = e.getMessage() + "; restart the stack with -Drun.world.flakiness=" + flakyPercent
                        + " -Drun.ups.flakiness=" + flakyPercent + " and run the bench again to measure it";
            }
        }
        orders.close();

        System.out.println();
        System.out.println("summary (the targets' figures; pgbench follows):");
        System.out.printf("  checkout-ack at %d buyers %s: %s%n", buyers,
                thinkMillis == 0 ? "without a pause" : "pausing a mean " + thinkMillis + " ms",
                closed == null ? "not run (BENCH_BUYERS=0)" : buyersFigures(closed, seconds)
                        + (thinkMillis == 0 ? String.format("; by Little's law p99 <= 100 ms needs at least %d orders/s", buyers * 10) : ""));
        if (thinkMillis == 0) {
            System.out.printf("  checkout-ack at %d buyers pausing a mean %d ms between orders: %s%n", buyers, pacedMillis,
                    paced != null ? buyersFigures(paced, seconds)
                            : buyers <= 0 ? "not run (BENCH_BUYERS=0)" : "not run (BENCH_PACED_THINK_MS=0)");
        }
        System.out.printf("  delivered/s over the first 90 %% of the backlog, flakiness as started: %s%n", steady.firstNinety());
        System.out.printf("  delivered/s over the first 90 %% of the backlog, flakiness %d %%: %s%n", flakyPercent,
                flaky == null ? "not measured: " + flakySkipped : flaky.firstNinety());
    }

    private static String buyersFigures(Step step, int seconds) {
        return String.format("p50 %.1f ms, p99 %.1f ms (%.1f orders/s)", step.latency.getValueAtPercentile(50) / 1e6,
                step.latency.getValueAtPercentile(99) / 1e6, step.placed / (double) seconds);
    }

    private static void printBuyers(Step step, int buyers, int seconds, long thinkMillis) {
        System.out.printf("%d concurrent buyers, each ordering again " + (thinkMillis == 0 ? "as soon as"
                        : "a random pause (mean " + thinkMillis + " ms) after") + " the last order was acknowledged, %d s:%n"
                        + "  %d placed (%.1f orders/s), %d errors, ack p50 %.1f ms, p99 %.1f ms, max %.1f ms; delivered/s %.1f;"
                        + " CPU %s%n",
                buyers, seconds, step.placed, step.placed / (double) seconds, step.errors,
                step.latency.getValueAtPercentile(50) / 1e6, step.latency.getValueAtPercentile(99) / 1e6,
                step.latency.getMaxValue() / 1e6, step.deliveredPerSecond, format(step.cpu));
    }

    /**
     * Not measured: the first call of each customer verifies the password with PBKDF2, and WildFly's JIT compiles
     * the store's paths. Rounds of {@code bench.warmup.seconds} at a quarter of the customers per second go on until
     * the JIT compiler used less than {@code bench.warmup.jit-quiet-percent} of a core in a round, for at most
     * {@code bench.warmup.max-seconds}. On two cores C2 alone took a whole core for minutes after a start, while a
     * fixed 20 s warm-up let the steps measure that compiling instead of the store.
     */
    private static void warmUp(String shop, ShopOrders orders, List<String[]> customers, Map<String, Long> processes,
            Path out) throws Exception {
        int roundSeconds = Integer.getInteger("bench.warmup.seconds", 20);
        if (roundSeconds <= 0) {
            return;
        }
        int maxSeconds = Math.max(roundSeconds, Integer.getInteger("bench.warmup.max-seconds", 300));
        int quietPercent = Integer.getInteger("bench.warmup.jit-quiet-percent", 10);
        Random random = new Random(7);
        for (int spent = 0; spent < maxSeconds; spent += roundSeconds) {
            Step round = runStep(shop, orders, customers, Math.max(2, customers.size() / 4), roundSeconds, random,
                    processes, out);
            double jit = round.cpu.getOrDefault(JIT, 0.0);
            System.out.printf("warm-up: %d orders in %d s (%d errors), not counted; WildFly's JIT compiler used %.0f %% of a core%n",
                    round.placed, roundSeconds, round.errors, jit);
            if (jit < quietPercent) {
                return;
            }
        }
        System.out.printf("warm-up: the JIT compiler is still busy after %d s; the steps measure a store still warming up%n",
                maxSeconds);
    }

    /**
     * Closed loop: each buyer is its own customer and places its next order when the last one was answered and
     * its pause is over; latency is from sending to the answer. Pauses are drawn from an exponential distribution
     * (as in TPC-C's think times) and the buyers start spread over one mean pause: equal pauses kept the buyers
     * in step, so all of them checked out in the same instant, once a second, which no crowd of shoppers does.
     */
    private static Step runBuyers(String shop, ShopOrders orders, List<String[]> buyers, int seconds, long thinkMillis,
            Map<String, Long> processes) throws Exception {
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong placed = new AtomicLong();
        Map<String, Long> cpuBefore = cpuTicks(processes);
        double deliveredBefore = orders.delivered();
        long started = System.nanoTime();
        long deadline = started + TimeUnit.SECONDS.toNanos(seconds);
        ExecutorService pool = Executors.newFixedThreadPool(buyers.size());
        List<Future<?>> running = new ArrayList<>();
        for (int b = 0; b < buyers.size(); b++) {
            String[] buyer = buyers.get(b);
            Random random = new Random(1000 + b);
            running.add(pool.submit(() -> {
                if (thinkMillis > 0) {
                    Thread.sleep(random.nextLong(thinkMillis)); // buyers arrive one by one, not all at once
                }
                while (System.nanoTime() < deadline) {
                    long t0 = System.nanoTime();
                    try {
                        int status = placeOrder(shop, buyer, 1 + random.nextInt(12), random.nextInt(101) - 50,
                                random.nextInt(101) - 50);
                        synchronized (latency) {
                            latency.recordValue(System.nanoTime() - t0);
                        }
                        (status == 201 ? placed : errors).incrementAndGet();
                    } catch (IOException e) {
                        errors.incrementAndGet();
                    }
                    if (thinkMillis > 0) {
                        // A buyer looking at the confirmation and shopping again; capped at ten means.
                        Thread.sleep((long) Math.min(10.0 * thinkMillis, -thinkMillis * Math.log(1 - random.nextDouble())));
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        double deliveredPerSecond = (orders.delivered() - deliveredBefore) / elapsed;
        Map<String, Double> cpu = cpuSince(cpuBefore, processes, elapsed);
        return new Step(latency, placed.get(), errors.get(), deliveredPerSecond, cpu, null, null);
    }

    /**
     * After the last step: how long the store takes to deliver everything placed, and the delivery rate while
     * it works the backlog off (the ceiling when the steps overran it). The rate over the first 90 % of the
     * backlog is the store's throughput; the last orders are those unlucky enough to have lost several messages
     * to a flaky peer, and how long they take is the resend backoff, not throughput.
     */
    private static Drain drain(ShopOrders orders, int maxSeconds) throws Exception {
        long started = System.nanoTime();
        ShopOrders.Counts atStart = orders.counts();
        double first = atStart.delivered();
        double backlog = atStart.onTheirWay();
        double last = first;
        long lastChange = started;
        long ninetyPercentAt = 0;
        // {nanoTime, delivered}, four times a second: at 300/s a backlog of a few hundred is gone in two seconds,
        // and once-a-second samples made its rate a matter of where the seconds fell.
        List<long[]> samples = new ArrayList<>();
        samples.add(new long[] {started, (long) first});
        ShopOrders.Counts now = atStart;
        while (System.nanoTime() - started < TimeUnit.SECONDS.toNanos(maxSeconds) && now.onTheirWay() > 0) {
            TimeUnit.MILLISECONDS.sleep(250);
            now = orders.counts();
            samples.add(new long[] {System.nanoTime(), now.delivered()});
            if (now.delivered() != last) {
                last = now.delivered();
                lastChange = System.nanoTime();
            }
            if (ninetyPercentAt == 0 && now.delivered() - first >= 0.9 * backlog) {
                ninetyPercentAt = System.nanoTime();
            }
        }
        String firstNinety = ninetyPercentAt == 0 ? "not reached" : String.format("%.1f/s over %.2f s",
                0.9 * backlog / Math.max(0.001, (ninetyPercentAt - started) / 1e9), (ninetyPercentAt - started) / 1e9);
        System.out.printf("drain: %.0f more delivered in %.1f s after the last step (%.1f/s; best 10 s window %s; "
                        + "first 90 %% of the backlog of %.0f: %s); %s%n",
                last - first, (lastChange - started) / 1e9, (last - first) / Math.max(0.001, (lastChange - started) / 1e9),
                bestTenSeconds(samples), backlog, firstNinety,
                now.onTheirWay() > 0 ? String.format("%d still on their way after %d s", now.onTheirWay(), maxSeconds)
                        : "nothing left on its way");
        return new Drain(String.format("%s (backlog of %.0f)", firstNinety, backlog));
    }

    /** What a drain measured, as printed: the delivery rate over the first 90 % of its backlog. */
    private record Drain(String firstNinety) {}

    /** The highest delivery rate over any stretch of at least 10 s between two of the drain's samples. */
    private static String bestTenSeconds(List<long[]> samples) {
        double best = -1;
        for (int i = 0, j = 0; i < samples.size(); i++) {
            while (j < samples.size() && samples.get(j)[0] - samples.get(i)[0] < TimeUnit.SECONDS.toNanos(10)) {
                j++;
            }
            if (j == samples.size()) {
                break;
            }
            best = Math.max(best, (samples.get(j)[1] - samples.get(i)[1]) / ((samples.get(j)[0] - samples.get(i)[0]) / 1e9));
        }
        return best < 0 ? "n/a: drained in under 10 s" : String.format("%.1f/s", best);
    }

    private static Step runStep(String shop, ShopOrders orders, List<String[]> customers, int rate, int seconds, Random random,
            Map<String, Long> processes, Path out) throws Exception {
        // Up to an hour: a saturated store answers minutes late, and that is a figure to print, not a crash.
        Histogram latency = new Histogram(3_600_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        AtomicLong placed = new AtomicLong();
        Map<String, Long> cpuBefore = cpuTicks(processes);
        double deliveredBefore = orders.delivered();
        long started = System.nanoTime();
        ExecutorService senders = Executors.newFixedThreadPool(Math.min(400, rate * 10));
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        List<Future<?>> sent = new ArrayList<>();
        long intervalNanos = 1_000_000_000L / rate;
        AtomicLong n = new AtomicLong();
        int total = rate * seconds;
        ScheduledFuture<?> ticking = clock.scheduleAtFixedRate(() -> {
            long i = n.getAndIncrement();
            if (i >= total) {
                return;
            }
            long due = started + i * intervalNanos;
            String[] customer = customers.get((int) (i % customers.size()));
            int product = 1 + random.nextInt(12);
            int x = random.nextInt(101) - 50;
            int y = random.nextInt(101) - 50;
            synchronized (sent) {
                sent.add(senders.submit(() -> {
                    try {
                        int status = placeOrder(shop, customer, product, x, y);
                        synchronized (latency) {
                            latency.recordValue(Math.max(0, System.nanoTime() - due));
                        }
                        if (status == 201) {
                            placed.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        errors.incrementAndGet();
                    }
                }));
            }
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        // Mid-step: what WildFly's threads are doing under this load.
        TimeUnit.MILLISECONDS.sleep(seconds * 500L);
        Path dump = out.resolve("threads-" + rate + "-per-s.txt");
        String busy = threadDump(processes.get("wildfly"), dump);
        TimeUnit.MILLISECONDS.sleep(seconds * 500L);
        ticking.cancel(false);
        clock.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        double deliveredPerSecond = (orders.delivered() - deliveredBefore) / elapsed;
        Map<String, Double> cpu = cpuSince(cpuBefore, processes, elapsed);
        List<Future<?>> waiting;
        synchronized (sent) {
            waiting = new ArrayList<>(sent);
        }
        for (Future<?> f : waiting) {
            f.get(2, TimeUnit.MINUTES); // the step's stragglers finish before the next step begins
        }
        senders.shutdown();
        return new Step(latency, placed.get(), errors.get(), deliveredPerSecond, cpu, dump, busy);
    }

    private record Step(Histogram latency, long placed, long errors, double deliveredPerSecond, Map<String, Double> cpu,
            Path dump, String busy) {}

    static String[] register(String shop) throws IOException, InterruptedException {
        String email = "bench-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        String password = "Bench-Passw0rd-" + UUID.randomUUID().toString().substring(0, 6);
        String body = "{\"email\":\"" + email + "\",\"displayName\":\"bench\",\"password\":\"" + password + "\"}";
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(shop + "api/accounts"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException("cannot register a bench customer: " + response.statusCode() + " " + response.body());
        }
        return new String[] {email, password};
    }

    /** One authenticated read (the buyer's order list), which verifies the password once. */
    static void signIn(String shop, String[] customer) throws IOException, InterruptedException {
        int status = HTTP.send(HttpRequest.newBuilder(URI.create(shop + "api/orders"))
                        .header("Accept", "application/json").header("Authorization", "Basic " + basic(customer)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("bench customer " + customer[0] + " cannot sign in: " + status);
        }
    }

    private static String basic(String[] customer) {
        return Base64.getEncoder().encodeToString((customer[0] + ":" + customer[1]).getBytes(StandardCharsets.UTF_8));
    }

    static int placeOrder(String shop, String[] customer, int product, int x, int y) throws IOException, InterruptedException {
        String body = String.format("{\"idempotencyKey\":\"%s\",\"items\":[{\"productId\":%d,\"quantity\":1}],\"destination\":{\"x\":%d,\"y\":%d}}",
                UUID.randomUUID(), product, x, y);
        return HTTP.send(HttpRequest.newBuilder(URI.create(shop + "api/orders"))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json").header("Accept", "application/json")
                        .header("Authorization", "Basic " + basic(customer))
                        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** The process listening on a loopback port (ss shows the owner's own processes), or -1. */
    static long listener(int port) throws IOException, InterruptedException {
        Process ss = new ProcessBuilder("ss", "-ltnpH", "sport = :" + port).redirectErrorStream(true).start();
        String text = new String(ss.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        ss.waitFor();
        Matcher m = Pattern.compile("pid=(\\d+)").matcher(text);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Percent of one core each process used since {@code before} was taken, {@code elapsed} seconds ago. */
    private static Map<String, Double> cpuSince(Map<String, Long> before, Map<String, Long> processes, double elapsed) {
        Map<String, Long> after = cpuTicks(processes);
        Map<String, Double> percent = new LinkedHashMap<>();
        after.forEach((k, ticks) -> percent.put(k, 100.0 * (ticks - before.getOrDefault(k, 0L)) / TICKS_PER_SECOND / elapsed));
        return percent;
    }

    private static String format(Map<String, Double> cpu) {
        return cpu.entrySet().stream().map(e -> String.format("%s %.0f", e.getKey(), e.getValue())).collect(Collectors.joining(", "));
    }

    /** CPU ticks (user + system) per named process, plus WildFly's JIT compiler threads and every postgres process. */
    private static Map<String, Long> cpuTicks(Map<String, Long> processes) {
        Map<String, Long> ticks = new LinkedHashMap<>();
        processes.forEach((name, pid) -> ticks.put(name, pid < 0 ? 0 : ticksOf(pid)));
        long wildfly = processes.getOrDefault("wildfly", -1L);
        // The JVM's compiler threads are "C1 CompilerThread0", "C2 CompilerThread0", … (comm keeps 15 characters).
        ticks.put(JIT, wildfly < 0 ? 0 : ticksOfNamed(Path.of("/proc", String.valueOf(wildfly), "task"),
                name -> name.matches("C\\d CompilerThre.*")));
        ticks.put("postgres", ticksOfNamed(Path.of("/proc"), "postgres"::equals));
        Map<String, Long> ordered = new LinkedHashMap<>();
        for (String key : List.of("wildfly", JIT, "world", "ups", "postgres", "bench")) {
            ordered.put(key, ticks.getOrDefault(key, 0L));
        }
        return ordered;
    }

    /**
     * CPU ticks of the processes (under /proc) or threads (under /proc/&lt;pid&gt;/task) in {@code dir} whose name
     * is accepted; 0 for any that ended meanwhile.
     */
    private static long ticksOfNamed(Path dir, Predicate<String> accepted) {
        long ticks = 0;
        try (var entries = Files.list(dir)) {
            for (Path entry : entries.filter(e -> e.getFileName().toString().matches("\\d+")).toList()) {
                try {
                    if (accepted.test(Files.readString(entry.resolve("comm")).trim())) {
                        ticks += ticksOf(entry.resolve("stat"));
                    }
                } catch (IOException e) {
                    // it ended meanwhile
                }
            }
        } catch (IOException e) {
            return 0; // the process whose threads these were ended
        }
        return ticks;
    }

    private static long ticksOf(long pid) {
        return ticksOf(Path.of("/proc", String.valueOf(pid), "stat"));
    }

    private static long ticksOf(Path statFile) {
        try {
            String stat = Files.readString(statFile);
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /** Saves a jcmd thread dump and names the most frequent top frames of runnable threads. */
    private static String threadDump(long pid, Path file) {
        if (pid < 0) {
            return "WildFly not found on the shop's port";
        }
        try {
            Process jcmd = new ProcessBuilder("jcmd", String.valueOf(pid), "Thread.print").redirectErrorStream(true).start();
            String dump = new String(jcmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            jcmd.waitFor(60, TimeUnit.SECONDS);
            Files.writeString(file, dump);
            Map<String, Integer> tops = new HashMap<>();
            int runnable = 0;
            for (String thread : dump.split("\n\n")) {
                if (!thread.contains("java.lang.Thread.State: RUNNABLE")) {
                    continue;
                }
                runnable++;
                String frame = thread.lines().filter(l -> l.trim().startsWith("at ")).findFirst().orElse("?").trim();
                // Threads waiting in accept/epoll/read are idle though RUNNABLE; name the shop's frame if there is one.
                String shopFrame = thread.lines().map(String::trim).filter(l -> l.startsWith("at com.miniamazon")).findFirst().orElse(null);
                tops.merge(shopFrame != null ? frame + " <- " + shopFrame : frame, 1, Integer::sum);
            }
            int total = runnable;
            return total + " runnable; " + tops.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                    .limit(4).map(e -> e.getValue() + "x " + e.getKey()).collect(Collectors.joining("; "));
        } catch (IOException | InterruptedException e) {
            return "no thread dump: " + e.getMessage();
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (IOException e) {
            return "?";
        }
    }
}
