package com.miniamazon.cart;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** One product and its quantity in a logged-in customer's saved cart. */
@Entity
@Table(name = "cart_line")
@IdClass(CartLine.Key.class)
public class CartLine {

    /** The primary key: one line per customer and product. */
    public record Key(Long accountId, Long productId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "account_id")
    private Long accountId;

    @Id
    @Column(name = "product_id")
    private Long productId;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    @Column(name = "added_at", nullable = false, updatable = false)
    private Instant addedAt = Instant.now();

    protected CartLine() {}

    public CartLine(Long accountId, Long productId, int quantity) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.productId = Objects.requireNonNull(productId, "productId");
        this.quantity = quantity;
    }

    public Long getAccountId() {
        return accountId;
    }

    public Long getProductId() {
        return productId;
    }

    public int getQuantity() {
        return quantity;
    }

    public void setQuantity(int quantity) {
        this.quantity = quantity;
    }
}
