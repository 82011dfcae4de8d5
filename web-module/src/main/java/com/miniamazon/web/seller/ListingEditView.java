package com.miniamazon.web.seller;

import com.miniamazon.catalog.ListingDraft;
import com.miniamazon.catalog.ListingService;
import com.miniamazon.catalog.PictureRules;
import com.miniamazon.catalog.WarehouseStockRow;
import java.util.List;
import com.miniamazon.infrastructure.RequestRefusedException;
import com.miniamazon.web.support.Feedback;
import com.miniamazon.web.support.ProductIds;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.math.BigDecimal;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Backs the listing form: a new listing (no id) or one of the seller's own (another seller's id answers 403,
 * see {@link ListingService}). The picture upload is checked for type and size by the service, not the browser.
 */
@Named
@ViewScoped
public class ListingEditView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private ListingService listings;

    private String idParameter;
    private Long id;
    private String category;
    private String name;
    private String description;
    private BigDecimal price;
    private boolean onSale = true;
    private List<WarehouseStockRow> stock = List.of();

    public void load() {
        id = idParameter == null || idParameter.isBlank() ? null : ProductIds.parse(idParameter);
        if (id != null) {
            ListingDraft draft = listings.myListing(id);
            category = draft.categorySlug();
            name = draft.name();
            description = draft.description();
            price = draft.price();
            onSale = listings.isOnSale(id);
            stock = listings.stockOf(id);
        }
    }

    public void save() throws IOException {
        ListingDraft draft = new ListingDraft(category, name, description, price);
        try {
            if (id == null) {
                id = listings.create(draft);
                Feedback.info("Listed", name + " is on sale. Add a picture to make it stand out.");
            } else {
                listings.revise(id, draft);
                Feedback.info("Saved", name + " is updated.");
            }
        } catch (RequestRefusedException refusal) {
            Feedback.refused(refusal, "listing");
            return;
        }
        ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
        external.redirect(external.getRequestContextPath() + "/seller/listing.xhtml?id=" + id);
    }

    /** Receives the picture from the upload widget. */
    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try {
            listings.replacePicture(id, file.getContent());
            Feedback.info("Picture saved", "Customers see the new picture now.");
        } catch (RequestRefusedException refusal) {
            Feedback.error("Picture refused", refusal.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        }
    }

    /** Changes on every render, so the preview shows a just-uploaded picture instead of a cached one. */
    public long getPictureVersion() {
        return System.nanoTime();
    }

    public long getMaxPictureBytes() {
        return PictureRules.MAX_BYTES;
    }

    public boolean isNew() {
        return id == null;
    }

    public Long getId() {
        return id;
    }

    public String getIdParameter() {
        return idParameter;
    }

    public void setIdParameter(String idParameter) {
        this.idParameter = idParameter;
    }

    public String getCategory() {
        return category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    public List<WarehouseStockRow> getStock() {
        return stock;
    }

    public boolean isOnSale() {
        return onSale;
    }
}
