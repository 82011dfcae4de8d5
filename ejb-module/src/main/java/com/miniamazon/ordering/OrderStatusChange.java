package com.miniamazon.ordering;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One entry of an order's timeline: the state it entered (or an event in that state) and when. */
@Entity
@Table(name = "order_status_change")
public class OrderStatusChange {

    // Taken from the sequence fifty at a time, on persist, so that a transaction's new entries go as one batch (V26).
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "order_status_change_ids")
    @SequenceGenerator(name = "order_status_change_ids", sequenceName = "order_status_change_id_seq", allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "order_id", nullable = false, updatable = false)
    private CustomerOrder order;

    @Enumerated(EnumType.STRING)
    @Column(name = "status", nullable = false, updatable = false, length = 16)
    private OrderStatus status;

    @Column(name = "note", updatable = false, length = 500)
    private String note;

    @Column(name = "changed_at", nullable = false, updatable = false)
    private Instant changedAt;

    protected OrderStatusChange() {}

    OrderStatusChange(CustomerOrder order, OrderStatus status, String note, Instant changedAt) {
        this.order = order;
        this.status = status;
        this.note = note;
        this.changedAt = changedAt;
    }

    public Long getId() {
        return id;
    }

    public OrderStatus getStatus() {
        return status;
    }

    public String getNote() {
        return note;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
