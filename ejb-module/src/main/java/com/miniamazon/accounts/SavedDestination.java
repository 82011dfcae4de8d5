package com.miniamazon.accounts;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** A delivery destination a customer saved under a name ("Home"): a point (x, y) on the world's grid. */
@Entity
@Table(name = "saved_destination")
public class SavedDestination {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "account_id", nullable = false, updatable = false)
    private Long accountId;

    @Column(name = "label", nullable = false, length = 60)
    private String label;

    @Column(name = "x", nullable = false)
    private int x;

    @Column(name = "y", nullable = false)
    private int y;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt = Instant.now();

    protected SavedDestination() {}

    public SavedDestination(Long accountId, String label, int x, int y) {
        this.accountId = Objects.requireNonNull(accountId, "accountId");
        this.label = Objects.requireNonNull(label, "label");
        this.x = x;
        this.y = y;
    }

    public Long getId() {
        return id;
    }

    public Long getAccountId() {
        return accountId;
    }

    public String getLabel() {
        return label;
    }

    public int getX() {
        return x;
    }

    public int getY() {
        return y;
    }
}
