package com.miniamazon.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * A version stamp of everything the catalog pages show, moved on by every committed {@link CatalogChanged}. A copy
 * of a page made at one version is out of date as soon as the stamp has moved: the page cache of the web module
 * reads the stamp before it renders a page and keeps the page only while the stamp stays the same.
 *
 * <p>The stamp moves after the commit (not before), and before the changing request's answer goes back, so a
 * seller who saved a new price and then looks at the product page as a visitor can only get a page rendered
 * after the commit. The stamp lives in this server's memory: a cluster would need it shared.
 */
@ApplicationScoped
public class CatalogVersion {

    private static final Logger LOG = Logger.getLogger(CatalogVersion.class);

    private final AtomicLong version = new AtomicLong();

    /** The current stamp; a page rendered from data read after this call is no older than it. */
    public long current() {
        return version.get();
    }

    void onCommitted(@Observes(during = TransactionPhase.AFTER_SUCCESS) CatalogChanged change) {
        long now = version.incrementAndGet();
        LOG.debugf("Catalog version %d: %s", now, change.what());
    }
}
