package com.miniamazon.web.pagecache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The shared copies of catalog pages, by path and query string.
 *
 * <ul>
 *   <li>A copy belongs to the catalog version it was rendered at: any committed change to a product, price,
 *       listing, picture, stock count, review or shown name moves the version and retires every copy at once;
 *       such a copy is never served again.</li>
 *   <li>A copy is fresh for {@code miniamazon.page-cache.seconds}. After that, one request renders the page again
 *       while requests arriving meanwhile still get the expired copy (it is of the current catalog version); with no
 *       copy at all, they wait for that one rendering rather than all rendering the same page.</li>
 *   <li>Memory is bounded by {@code miniamazon.page-cache.max-mb}, least recently used copies going first; a page
 *       larger than a sixteenth of that is never kept.</li>
 * </ul>
 */
@ApplicationScoped
public class PageCache {

    private static final Logger LOG = Logger.getLogger(PageCache.class);

    /** How long a request waits for another one rendering the page it wants, before rendering it itself. */
    private static final long WAIT_FOR_RENDERING_MS = 2000;

    @Inject
    @ConfigProperty(name = "miniamazon.page-cache.seconds", defaultValue = "5")
    int seconds;

    @Inject
    @ConfigProperty(name = "miniamazon.page-cache.max-mb", defaultValue = "32")
    int maxMegabytes;

    private final LinkedHashMap<String, Entry> copies = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    /** Pages being rendered for the cache now, by key; the latch opens when the rendering is over. */
    private final ConcurrentHashMap<String, CountDownLatch> rendering = new ConcurrentHashMap<>();

    private record Entry(PageCopy copy, long version, long expiresAt) {}

    /** What a request should do for a page. */
    public sealed interface Lookup {}

    /** Send this copy. */
    public record Send(PageCopy copy) implements Lookup {}

    /**
     * Render the page and offer the result to {@link #keep}; then call {@link #rendered}. {@code claim} is the
     * latch of the requests waiting for this rendering, or null when this request renders without claiming.
     */
    public record Render(String key, CountDownLatch claim) implements Lookup {}

    /** Whether copies are made at all ({@code miniamazon.page-cache.seconds} above zero). */
    public boolean isEnabled() {
        return seconds > 0 && maxMegabytes > 0;
    }

    /** The largest page, in characters, worth capturing. */
    public int largestPage() {
        return (int) Math.min(Integer.MAX_VALUE, maxBytes() / 16 / 2);
    }

    /**
     * What to answer a request for {@code key} while the catalog is at {@code version}: a fresh copy; an expired
     * copy of this version while another request renders its successor; or, for exactly one request at a time,
     * the order to render. Waits (briefly) while another request renders a page there is no usable copy of.
     */
    public Lookup lookUp(String key, long version) throws InterruptedException {
        Entry entry = current(key, version);
        if (entry != null && System.nanoTime() - entry.expiresAt < 0) {
            return new Send(entry.copy);
        }
        CountDownLatch mine = new CountDownLatch(1);
        CountDownLatch theirs = rendering.putIfAbsent(key, mine);
        if (theirs == null) {
            return new Render(key, mine);
        }
        if (entry != null) {
            return new Send(entry.copy);
        }
        if (theirs.await(WAIT_FOR_RENDERING_MS, TimeUnit.MILLISECONDS)) {
            Entry made = current(key, version);
            if (made != null) {
                return new Send(made.copy);
            }
        }
        // The other rendering made no copy (or is slow): render without claiming the page.
        return new Render(key, null);
    }

    /** Ends a request's rendering (with or without a copy kept), releasing the requests waiting for it. */
    public void rendered(Render render) {
        if (render.claim != null) {
            rendering.remove(render.key, render.claim);
            render.claim.countDown();
        }
    }

    /** Keeps a copy of {@code key} rendered from data read at {@code version} or later. */
    public void keep(String key, long version, PageCopy copy) {
        long maxBytes = maxBytes();
        if (copy.size() > maxBytes / 16) {
            return;
        }
        long expiresAt = System.nanoTime() + seconds * 1_000_000_000L;
        synchronized (copies) {
            Entry previous = copies.put(key, new Entry(copy, version, expiresAt));
            if (previous != null) {
                bytes -= previous.copy.size();
            }
            bytes += copy.size();
            Iterator<Map.Entry<String, Entry>> eldest = copies.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().copy.size();
                eldest.remove();
            }
        }
        LOG.debugf("Kept a copy of %s (%d bytes) at catalog version %d", key, copy.size(), version);
    }

    /** The copy of {@code key} at {@code version}, expired or not; a copy of an older version is dropped. */
    private Entry current(String key, long version) {
        synchronized (copies) {
            Entry entry = copies.get(key);
            if (entry != null && entry.version != version) {
                copies.remove(key);
                bytes -= entry.copy.size();
                return null;
            }
            return entry;
        }
    }

    private long maxBytes() {
        return maxMegabytes * 1024L * 1024L;
    }
}
