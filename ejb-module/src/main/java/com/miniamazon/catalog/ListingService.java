package com.miniamazon.catalog;

import com.miniamazon.accounts.Account;
import com.miniamazon.accounts.AccountRepository;
import com.miniamazon.accounts.Roles;
import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.NotYoursException;
import com.miniamazon.infrastructure.RequestRefusedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * A seller's own listings: create, revise, delist, relist, picture. Sellers only; every method that names a
 * product checks that the caller owns it ({@link NotYoursException} otherwise). Each call is one transaction.
 */
@Stateless
@RolesAllowed(Roles.SELLER)
public class ListingService {

    private static final Logger LOG = Logger.getLogger(ListingService.class);

    private static final BigDecimal MAX_PRICE = new BigDecimal("1000000.00");

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private ProductRepository products;

    @Inject
    private AccountRepository accounts;

    @Resource
    private SessionContext session;

    @Inject
    private Event<CatalogChanged> catalogChanged;

    /** The caller's listings, on sale or not, newest first, with sales, revenue and stock. */
    public List<ListingRow> myListings() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select p.id, p.name, c.name as category, p.price, p.active, p.rating_count, p.rating_total,
                               p.updated_at,
                               coalesce((select sum(l.quantity) from order_line l join customer_order o on o.id = l.order_id
                                         where l.product_id = p.id and o.status not in ('FAILED', 'CANCELLED')), 0),
                               coalesce((select sum(l.unit_price * l.quantity) from order_line l
                                         join customer_order o on o.id = l.order_id
                                         where l.product_id = p.id and o.status not in ('FAILED', 'CANCELLED')), 0),
                               coalesce((select sum(s.available) from warehouse_stock s where s.product_id = p.id), 0)
                        from product p join category c on c.id = p.category_id
                        where p.seller_id = :seller order by p.id desc""")
                .setParameter("seller", caller().getId())
                .getResultList();
        return rows.stream().map(r -> new ListingRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                (BigDecimal) r[3], (Boolean) r[4], ((Number) r[5]).intValue(), ((Number) r[6]).intValue(),
                instant(r[7]), ((Number) r[8]).longValue(), (BigDecimal) r[9], ((Number) r[10]).longValue()))
                .toList();
    }

    /**
     * Stock of one of the caller's products in every warehouse (same errors as {@link #myListing}).
     */
    public List<WarehouseStockRow> stockOf(long productId) {
        owned(productId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select w.id, w.name, coalesce(s.available, 0), coalesce(s.on_order, 0)
                        from warehouse w left join warehouse_stock s on s.warehouse_id = w.id and s.product_id = :product
                        order by w.id""")
                .setParameter("product", productId)
                .getResultList();
        return rows.stream().map(r -> new WarehouseStockRow(((Number) r[0]).intValue(), (String) r[1],
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue())).toList();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    /**
     * One of the caller's listings, to edit.
     *
     * @throws NotFoundException for an unknown id
     * @throws NotYoursException for another seller's product
     */
    public ListingDraft myListing(long productId) {
        Product product = owned(productId);
        return new ListingDraft(product.getCategory().getSlug(), product.getName(), product.getDescription(),
                product.getPrice());
    }

    /** Whether one of the caller's listings is on sale. */
    public boolean isOnSale(long productId) {
        return owned(productId).isActive();
    }

    /**
     * Puts a new product on sale, owned by the caller.
     *
     * @return the new product's id
     * @throws RequestRefusedException naming the field that breaks a rule
     */
    public long create(ListingDraft draft) {
        Account seller = caller();
        Checked checked = check(draft);
        Product product = new Product(seller.getId(), checked.category, checked.name, checked.description,
                checked.price);
        products.add(product);
        em.flush();
        LOG.infof("Seller %d listed product %d", seller.getId(), product.getId());
        catalogChanged.fire(new CatalogChanged("new product " + product.getId()));
        return product.getId();
    }

    /**
     * Replaces the text, shelf and price of one of the caller's listings.
     *
     * @throws NotFoundException for an unknown id
     * @throws NotYoursException for another seller's product
     * @throws RequestRefusedException naming the field that breaks a rule
     */
    public void revise(long productId, ListingDraft draft) {
        Product product = owned(productId);
        Checked checked = check(draft);
        product.revise(checked.category, checked.name, checked.description, checked.price);
        LOG.infof("Seller %d revised product %d", product.getSellerId(), productId);
        catalogChanged.fire(new CatalogChanged("listing of product " + productId));
    }

    /** Takes one of the caller's listings off sale (same errors as {@link #revise}). */
    public void delist(long productId) {
        owned(productId).delist();
        LOG.infof("Product %d delisted", productId);
        catalogChanged.fire(new CatalogChanged("product " + productId + " delisted"));
    }

    /** Puts one of the caller's delisted listings back on sale (same errors as {@link #revise}). */
    public void relist(long productId) {
        owned(productId).relist();
        LOG.infof("Product %d relisted", productId);
        catalogChanged.fire(new CatalogChanged("product " + productId + " relisted"));
    }

    /**
     * Sets the picture of one of the caller's listings, after {@link PictureRules} accepted the bytes.
     *
     * @throws RequestRefusedException for a wrong type or size ({@code picture})
     */
    public void replacePicture(long productId, byte[] content) {
        Product product = owned(productId);
        PictureRules.problemWith(content).ifPresent(problem -> {
            throw new RequestRefusedException("picture", problem);
        });
        String type = PictureRules.detectType(content).orElseThrow();
        ProductPicture picture = em.find(ProductPicture.class, product.getId());
        if (picture == null) {
            em.persist(new ProductPicture(product.getId(), type, content));
        } else {
            picture.replace(type, content);
        }
        LOG.infof("Picture of product %d replaced (%s, %d bytes)", productId, type, content.length);
        catalogChanged.fire(new CatalogChanged("picture of product " + productId));
    }

    private Product owned(long productId) {
        Product product = products.find(productId);
        if (product == null) {
            throw new NotFoundException("no product " + productId);
        }
        Account seller = caller();
        if (!product.isOwnedBy(seller.getId())) {
            LOG.warnf("Seller %d tried to change product %d of seller %d", seller.getId(), productId,
                    product.getSellerId());
            throw new NotYoursException("product " + productId + " belongs to another seller");
        }
        return product;
    }

    private Account caller() {
        return accounts.caller(session.getCallerPrincipal());
    }

    private record Checked(Category category, String name, String description, BigDecimal price) {}

    private Checked check(ListingDraft draft) {
        Category category = draft.categorySlug() == null ? null : products.categoryBySlug(draft.categorySlug());
        if (category == null) {
            throw new RequestRefusedException("category", "Choose a category.");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.length() < 3 || name.length() > 200) {
            throw new RequestRefusedException("name", "Enter a name of 3 to 200 characters.");
        }
        String description = draft.description() == null ? "" : draft.description().strip();
        if (description.length() < 10 || description.length() > 5000) {
            throw new RequestRefusedException("description", "Describe the product in 10 to 5000 characters.");
        }
        BigDecimal price = draft.price();
        if (price == null || price.signum() <= 0 || price.compareTo(MAX_PRICE) > 0 || price.stripTrailingZeros().scale() > 2) {
            throw new RequestRefusedException("price", "Enter a price from 0.01 to 1,000,000.00.");
        }
        return new Checked(category, name, description, price);
    }
}
