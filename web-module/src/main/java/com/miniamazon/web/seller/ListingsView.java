package com.miniamazon.web.seller;

import com.miniamazon.catalog.ListingRow;
import com.miniamazon.catalog.ListingService;
import com.miniamazon.web.support.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs "My listings": the seller's own products, on sale or not, with delist and relist. */
@Named
@ViewScoped
public class ListingsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ListingService listings;

    private List<ListingRow> rows;

    public void load() {
        rows = listings.myListings();
    }

    public void delist(ListingRow row) {
        listings.delist(row.id());
        Feedback.info("Delisted", row.name() + " is no longer on sale.");
        load();
    }

    public void relist(ListingRow row) {
        listings.relist(row.id());
        Feedback.info("On sale again", row.name() + " is back on sale.");
        load();
    }

    public List<ListingRow> getRows() {
        return rows;
    }
}
