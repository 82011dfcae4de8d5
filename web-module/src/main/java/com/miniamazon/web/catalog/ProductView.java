package com.miniamazon.web.catalog;

import com.miniamazon.catalog.CatalogService;
import com.miniamazon.catalog.ProductDetail;
import com.miniamazon.catalog.ProductSummary;
import com.miniamazon.catalog.ReviewEligibility;
import com.miniamazon.catalog.ReviewService;
import com.miniamazon.catalog.ReviewView;
import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.RequestRefusedException;
import com.miniamazon.web.accounts.CurrentUser;
import com.miniamazon.web.cart.ShoppingCart;
import com.miniamazon.web.support.Feedback;
import com.miniamazon.web.support.ProductIds;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs the product page: the product, adding it to the cart, its reviews, the review form, recommendations.
 * Request-scoped, as the page is a stateless view for visitors: a post finds its product again from the {@code id}
 * field the forms carry, which is the URL's parameter of the same name.
 */
@Named
@RequestScoped
public class ProductView {

    @Inject
    private CatalogService catalog;

    @Inject
    private ReviewService reviews;

    @Inject
    private ShoppingCart cart;

    @Inject
    private CurrentUser currentUser;

    private String idParameter;
    private Long id;
    private ProductDetail product;
    private List<ReviewView> reviewList;
    private List<ProductSummary> recommendations;
    private ReviewEligibility eligibility;
    private String stockHint;

    private Integer quantity = 1;
    private Integer rating;
    private String reviewTitle;
    private String reviewBody;

    /** Loads the product named in the URL (view action); an unknown or delisted id answers 404. */
    public void load() {
        id = ProductIds.parse(idParameter);
        product = catalog.product(id);
        reviewList = reviews.reviewsOf(id, 0, 20);
        recommendations = catalog.recommendationsFor(id, 4);
        eligibility = currentUser.isCustomer() ? reviews.myEligibility(id) : null;
    }

    /** Loads the product for a post, which runs no view action. */
    private void loaded() {
        if (product == null) {
            if (idParameter == null) {
                idParameter = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
            }
            load();
        }
    }

    public void addToCart() {
        loaded();
        try {
            cart.add(product.id(), quantity);
            Feedback.info("Added to your cart", quantity + " \u00d7 " + product.name());
            quantity = 1;
        } catch (RequestRefusedException refusal) {
            Feedback.refused(refusal, "buy");
        } catch (NotFoundException gone) {
            Feedback.error("No longer on sale", product.name() + " was just taken off sale.");
        }
    }

    public void submitReview() {
        loaded();
        try {
            reviews.submit(product.id(), rating == null ? 0 : rating, reviewTitle, reviewBody);
            Feedback.info("Thank you", "Your review is published.");
            rating = null;
            reviewTitle = null;
            reviewBody = null;
            load();
        } catch (RequestRefusedException refusal) {
            Feedback.refused(refusal, "review");
        }
    }

    /** Availability in words; the store restocks from the world, so low stock delays but never refuses. */
    public String getStockHint() {
        if (stockHint == null) {
            long units = catalog.unitsInStock(getProduct().id());
            stockHint = units >= 10 ? "In stock \u00b7 ships from the nearest warehouse"
                    : units > 0 ? "Only " + units + " left in stock \u00b7 more on the way"
                    : "Restocking \u00b7 ships as soon as the warehouse receives it";
        }
        return stockHint;
    }

    public String getIdParameter() {
        return idParameter;
    }

    public void setIdParameter(String idParameter) {
        this.idParameter = idParameter;
    }

    public ProductDetail getProduct() {
        loaded();
        return product;
    }

    public List<ReviewView> getReviews() {
        loaded();
        return reviewList;
    }

    public List<ProductSummary> getRecommendations() {
        loaded();
        return recommendations;
    }

    public ReviewEligibility getEligibility() {
        loaded();
        return eligibility;
    }

    public Integer getQuantity() {
        return quantity;
    }

    public void setQuantity(Integer quantity) {
        this.quantity = quantity;
    }

    public Integer getRating() {
        return rating;
    }

    public void setRating(Integer rating) {
        this.rating = rating;
    }

    public String getReviewTitle() {
        return reviewTitle;
    }

    public void setReviewTitle(String reviewTitle) {
        this.reviewTitle = reviewTitle;
    }

    public String getReviewBody() {
        return reviewBody;
    }

    public void setReviewBody(String reviewBody) {
        this.reviewBody = reviewBody;
    }
}
