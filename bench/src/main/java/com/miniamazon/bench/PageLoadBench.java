package com.miniamazon.bench;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * bench/pages: requests per second and latency (p50, p99) of the catalog (home page and a category) and of
 * product pages, under a fixed number of concurrent shoppers on loopback. Each shopper keeps its own session
 * cookie, as a browser does. The shop must be running (see bench/pages); nothing but GET requests is sent, and
 * every run is bounded in time.
 */
public final class PageLoadBench {

    private PageLoadBench() {}

    public static void main(String[] args) throws Exception {
        String shop = System.getProperty("bench.url", "http://127.0.0.1:8080/");
        int shoppers = Integer.getInteger("bench.shoppers", 16);
        int seconds = Integer.getInteger("bench.seconds", 20);
        int warmup = Integer.getInteger("bench.warmup", 10);
        System.out.printf("machine: %d cores, %s %s; shop at %s; %d concurrent shoppers, %d s per page kind%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                System.getProperty("java.version"), shop, shoppers, seconds);
        List<String> catalog = List.of("", "search.xhtml?category=electronics", "search.xhtml?category=books");
        List<String> products = new ArrayList<>();
        for (int id = 1; id <= 36; id++) {
            products.add("product.xhtml?id=" + id);
        }
        run(shop, "warm-up (all pages)", concat(catalog, products), shoppers, warmup, false);
        run(shop, "catalog pages", catalog, shoppers, seconds, true);
        run(shop, "product pages", products, shoppers, seconds, true);
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static void run(String shop, String what, List<String> paths, int shoppers, int seconds, boolean print)
            throws Exception {
        Histogram latency = new Histogram(60_000_000_000L, 3);
        AtomicLong errors = new AtomicLong();
        long deadline = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(shoppers);
        List<Future<?>> running = new ArrayList<>();
        long started = System.nanoTime();
        for (int s = 0; s < shoppers; s++) {
            int shopper = s;
            running.add(pool.submit(() -> {
                HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                        .connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
                Histogram mine = new Histogram(60_000_000_000L, 3);
                int next = shopper;
                while (System.nanoTime() < deadline) {
                    HttpRequest request = HttpRequest.newBuilder(URI.create(shop + paths.get(next++ % paths.size())))
                            .timeout(Duration.ofSeconds(30)).GET().build();
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                        if (response.statusCode() != 200) {
                            errors.incrementAndGet();
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                    mine.recordValue(System.nanoTime() - t0);
                }
                synchronized (latency) {
                    latency.add(mine);
                }
                return null;
            }));
        }
        for (Future<?> f : running) {
            f.get();
        }
        pool.shutdown();
        double elapsed = (System.nanoTime() - started) / 1e9;
        if (print) {
            System.out.printf("%-14s %8.0f req/s   p50 %6.1f ms   p99 %6.1f ms   max %7.1f ms   (%d requests, %d errors)%n",
                    what, latency.getTotalCount() / elapsed, latency.getValueAtPercentile(50) / 1e6,
                    latency.getValueAtPercentile(99) / 1e6, latency.getMaxValue() / 1e6, latency.getTotalCount(),
                    errors.get());
        }
    }
}
