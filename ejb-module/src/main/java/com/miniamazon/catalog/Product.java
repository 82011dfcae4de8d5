package com.miniamazon.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

/**
 * A listing: something a seller offers at a price. Its id is also the product id the world knows
 * ({@code AProduct.id}). The seller is referred to by id, as accounts are another capability's aggregate.
 */
@Entity
@Table(name = "product")
public class Product {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "seller_id", nullable = false)
    private Long sellerId;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "category_id", nullable = false)
    private Category category;

    @Column(name = "name", nullable = false, length = 200)
    private String name;

    @Column(name = "description", nullable = false)
    private String description;

    @Column(name = "price", nullable = false, precision = 12, scale = 2)
    private BigDecimal price;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt = Instant.now();

    @Column(name = "rating_count", nullable = false)
    private int ratingCount;

    @Column(name = "rating_total", nullable = false)
    private int ratingTotal;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    protected Product() {}

    public Product(Long sellerId, Category category, String name, String description, BigDecimal price) {
        this.sellerId = Objects.requireNonNull(sellerId, "sellerId");
        this.category = Objects.requireNonNull(category, "category");
        this.name = Objects.requireNonNull(name, "name");
        this.description = Objects.requireNonNull(description, "description");
        this.price = Objects.requireNonNull(price, "price");
    }

    public Long getId() {
        return id;
    }

    public Long getSellerId() {
        return sellerId;
    }

    public Category getCategory() {
        return category;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public BigDecimal getPrice() {
        return price;
    }

    public boolean isActive() {
        return active;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public int getRatingCount() {
        return ratingCount;
    }

    public int getRatingTotal() {
        return ratingTotal;
    }

    public boolean isOwnedBy(long accountId) {
        return sellerId == accountId;
    }

    /** The seller's new text, shelf and price for this listing. */
    public void revise(Category newCategory, String newName, String newDescription, BigDecimal newPrice) {
        this.category = Objects.requireNonNull(newCategory, "category");
        this.name = Objects.requireNonNull(newName, "name");
        this.description = Objects.requireNonNull(newDescription, "description");
        this.price = Objects.requireNonNull(newPrice, "price");
        this.updatedAt = Instant.now();
    }

    /** Takes the listing off sale; orders already placed are not affected. */
    public void delist() {
        this.active = false;
        this.updatedAt = Instant.now();
    }

    public void relist() {
        this.active = true;
        this.updatedAt = Instant.now();
    }

    /** Counts one more customer rating (1 to 5 stars). */
    public void addRating(int stars) {
        if (stars < 1 || stars > 5) {
            throw new IllegalArgumentException("stars: " + stars);
        }
        ratingCount++;
        ratingTotal += stars;
    }
}
