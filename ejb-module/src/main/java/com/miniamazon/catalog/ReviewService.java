package com.miniamazon.catalog;

import com.miniamazon.accounts.AccountRepository;
import com.miniamazon.accounts.Roles;
import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.RequestRefusedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Reviews and star ratings. Anyone reads them; only a customer who received the product (an order of theirs
 * with it reached DELIVERED) writes one, once. Each call is one transaction; a review and the product's rating
 * totals change together.
 */
@Stateless
public class ReviewService {

    private static final Logger LOG = Logger.getLogger(ReviewService.class);

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private AccountRepository accounts;

    @Inject
    private DeliveredPurchases deliveredPurchases;

    @Resource
    private SessionContext session;

    @Inject
    private Event<CatalogChanged> catalogChanged;

    /** The newest reviews of a product first; {@code first}/{@code max} page through them (max at most 50). */
    @PermitAll
    public List<ReviewView> reviewsOf(long productId, int first, int max) {
        if (first < 0 || max <= 0 || max > 50) {
            throw new IllegalArgumentException("bad page: first=" + first + ", max=" + max);
        }
        List<Object[]> rows = em.createQuery("""
                        select r.id, r.rating, r.title, r.body, a.displayName, r.createdAt
                        from ProductReview r, Account a
                        where a.id = r.authorId and r.productId = :product
                        order by r.createdAt desc, r.id desc""", Object[].class)
                .setParameter("product", productId)
                .setFirstResult(first)
                .setMaxResults(max)
                .getResultList();
        return rows.stream()
                .map(row -> new ReviewView((Long) row[0], ((Number) row[1]).intValue(), (String) row[2],
                        (String) row[3], (String) row[4], (Instant) row[5]))
                .toList();
    }

    /** Whether the logged-in customer may review this product now. */
    @RolesAllowed(Roles.CUSTOMER)
    public ReviewEligibility myEligibility(long productId) {
        long author = accounts.caller(session.getCallerPrincipal()).getId();
        return eligibility(author, productId);
    }

    /**
     * Publishes the caller's review and counts its stars in the product's rating.
     *
     * @throws NotFoundException when the product does not exist
     * @throws RequestRefusedException when the caller has not received the product or reviewed it already, or for
     *     stars outside 1 to 5 ({@code rating}), a blank or long title ({@code title}) or text ({@code body})
     */
    @RolesAllowed(Roles.CUSTOMER)
    public ReviewView submit(long productId, int rating, String title, String body) {
        long author = accounts.caller(session.getCallerPrincipal()).getId();
        // Locked so that two reviews at once cannot lose a rating.
        Product product = em.find(Product.class, productId, LockModeType.PESSIMISTIC_WRITE);
        if (product == null) {
            throw new NotFoundException("no product " + productId);
        }
        switch (eligibility(author, productId)) {
            case NOT_RECEIVED -> throw new RequestRefusedException(
                    "You can review this product once an order of yours with it has been delivered.");
            case ALREADY_REVIEWED -> throw new RequestRefusedException("You have reviewed this product already.");
            case ELIGIBLE -> { }
        }
        if (rating < 1 || rating > 5) {
            throw new RequestRefusedException("rating", "Choose from 1 to 5 stars.");
        }
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty() || cleanTitle.length() > 120) {
            throw new RequestRefusedException("title", "Enter a title of 1 to 120 characters.");
        }
        String cleanBody = body == null ? "" : body.strip();
        if (cleanBody.isEmpty() || cleanBody.length() > 4000) {
            throw new RequestRefusedException("body", "Write 1 to 4000 characters.");
        }
        ProductReview review = new ProductReview(productId, author, rating, cleanTitle, cleanBody);
        em.persist(review);
        product.addRating(rating);
        LOG.infof("Account %d reviewed product %d with %d stars", author, productId, rating);
        catalogChanged.fire(new CatalogChanged("review of product " + productId));
        return new ReviewView(review.getId(), rating, cleanTitle, cleanBody,
                accounts.find(author).getDisplayName(), Instant.now());
    }

    private ReviewEligibility eligibility(long author, long productId) {
        Long reviews = em.createQuery(
                        "select count(r) from ProductReview r where r.productId = :product and r.authorId = :author",
                        Long.class)
                .setParameter("product", productId)
                .setParameter("author", author)
                .getSingleResult();
        if (reviews > 0) {
            return ReviewEligibility.ALREADY_REVIEWED;
        }
        return deliveredPurchases.hasReceived(author, productId)
                ? ReviewEligibility.ELIGIBLE
                : ReviewEligibility.NOT_RECEIVED;
    }
}
