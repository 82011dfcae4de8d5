package com.miniamazon.cart;

import com.miniamazon.accounts.AccountRepository;
import com.miniamazon.accounts.Roles;
import com.miniamazon.catalog.Product;
import com.miniamazon.catalog.ProductRepository;
import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.RequestRefusedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Carts. A visitor's cart lives in their web session and is priced here ({@link #price}); a logged-in
 * customer's cart is saved in the database and works on the caller's own lines only. Each call is one
 * transaction; quantities break {@link CartRules} with a {@link RequestRefusedException} on {@code quantity}.
 */
@Stateless
public class CartService {

    private static final Logger LOG = Logger.getLogger(CartService.class);

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private AccountRepository accounts;

    @Inject
    private ProductRepository products;

    @Resource
    private SessionContext session;

    /** Prices a visitor's cart (product id to quantity, in order) with today's products; unknown ids are left out. */
    @PermitAll
    public CartView price(Map<Long, Integer> quantities) {
        List<CartItem> items = new ArrayList<>();
        quantities.forEach((productId, quantity) -> {
            Product product = products.find(productId);
            if (product != null) {
                items.add(new CartItem(productId, product.getName(), product.getPrice(), quantity, product.isActive()));
            }
        });
        return new CartView(items);
    }

    /**
     * Checks that a visitor may put this quantity of this product in their session cart.
     *
     * @throws NotFoundException when the product is not on sale
     * @throws RequestRefusedException for a quantity against {@link CartRules}
     */
    @PermitAll
    public void checkAddable(long productId, Integer quantity) {
        requireOnSale(productId);
        CartRules.problemWithQuantity(quantity).ifPresent(problem -> {
            throw new RequestRefusedException("quantity", problem);
        });
    }

    /** The caller's saved cart. */
    @RolesAllowed(Roles.CUSTOMER)
    public CartView myCart() {
        return price(myQuantities());
    }

    /**
     * Adds to the caller's cart (quantities of a product already there add up, to at most the maximum).
     *
     * @throws NotFoundException when the product is not on sale
     * @throws RequestRefusedException for a bad quantity or a full cart
     */
    @RolesAllowed(Roles.CUSTOMER)
    public CartView add(long productId, Integer quantity) {
        checkAddable(productId, quantity);
        long account = callerId();
        CartLine line = em.find(CartLine.class, new CartLine.Key(account, productId));
        if (line == null) {
            if (myQuantities().size() >= CartRules.MAX_LINES) {
                throw new RequestRefusedException("Your cart is full (" + CartRules.MAX_LINES + " products).");
            }
            em.persist(new CartLine(account, productId, quantity));
        } else {
            line.setQuantity(Math.min(CartRules.MAX_QUANTITY, line.getQuantity() + quantity));
        }
        em.flush();
        return myCart();
    }

    /**
     * Sets the quantity of a product in the caller's cart.
     *
     * @throws NotFoundException when the product is not in the caller's cart
     * @throws RequestRefusedException for a quantity against {@link CartRules}
     */
    @RolesAllowed(Roles.CUSTOMER)
    public CartView changeQuantity(long productId, Integer quantity) {
        CartRules.problemWithQuantity(quantity).ifPresent(problem -> {
            throw new RequestRefusedException("quantity", problem);
        });
        CartLine line = em.find(CartLine.class, new CartLine.Key(callerId(), productId));
        if (line == null) {
            throw new NotFoundException("product " + productId + " is not in the cart");
        }
        line.setQuantity(quantity);
        em.flush();
        return myCart();
    }

    /** Removes a product from the caller's cart; harmless when it is not there. */
    @RolesAllowed(Roles.CUSTOMER)
    public CartView remove(long productId) {
        em.createQuery("delete from CartLine l where l.accountId = :account and l.productId = :product")
                .setParameter("account", callerId())
                .setParameter("product", productId)
                .executeUpdate();
        return myCart();
    }

    /** Empties the caller's cart (after an order was placed). */
    @RolesAllowed(Roles.CUSTOMER)
    public void clear() {
        em.createQuery("delete from CartLine l where l.accountId = :account")
                .setParameter("account", callerId())
                .executeUpdate();
    }

    /**
     * Moves a visitor's session cart into the caller's saved cart at login: quantities add up (to the maximum),
     * products no longer on sale are dropped.
     */
    @RolesAllowed(Roles.CUSTOMER)
    public CartView mergeIntoMyCart(Map<Long, Integer> sessionCart) {
        long account = callerId();
        for (Map.Entry<Long, Integer> entry : sessionCart.entrySet()) {
            Product product = products.find(entry.getKey());
            Integer quantity = entry.getValue();
            if (product == null || !product.isActive() || CartRules.problemWithQuantity(quantity).isPresent()) {
                continue;
            }
            CartLine line = em.find(CartLine.class, new CartLine.Key(account, product.getId()));
            if (line == null) {
                em.persist(new CartLine(account, product.getId(), quantity));
            } else {
                line.setQuantity(Math.min(CartRules.MAX_QUANTITY, line.getQuantity() + quantity));
            }
        }
        em.flush();
        LOG.debugf("Merged %d session cart line(s) into the cart of account %d", sessionCart.size(), account);
        return myCart();
    }

    private Map<Long, Integer> myQuantities() {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        em.createQuery("select l from CartLine l where l.accountId = :account order by l.addedAt, l.productId",
                        CartLine.class)
                .setParameter("account", callerId())
                .getResultList()
                .forEach(line -> quantities.put(line.getProductId(), line.getQuantity()));
        return quantities;
    }

    private void requireOnSale(long productId) {
        Product product = products.find(productId);
        if (product == null || !product.isActive()) {
            throw new NotFoundException("no product " + productId + " on sale");
        }
    }

    private long callerId() {
        return accounts.caller(session.getCallerPrincipal()).getId();
    }
}
