package com.miniamazon.fulfilment;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/** A product and quantity inside one shipment, and whether its units are already claimed from stock. */
@Entity
@Table(name = "shipment_line")
public class ShipmentLine {

    @EmbeddedId
    private Key key;

    @MapsId("shipmentId")
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "shipment_id", nullable = false, updatable = false)
    private Shipment shipment;

    @Column(name = "quantity", nullable = false, updatable = false)
    private int quantity;

    @Column(name = "claimed", nullable = false)
    private boolean claimed;

    protected ShipmentLine() {}

    ShipmentLine(Shipment shipment, long productId, int quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        this.key = new Key(shipment.getId(), productId);
        this.shipment = shipment;
        this.quantity = quantity;
    }

    void markClaimed() {
        claimed = true;
    }

    /** The units turned out not to be in the world's warehouse after all; they must be bought again. */
    void markUnclaimed() {
        claimed = false;
    }

    public long getProductId() {
        return key.productId;
    }

    public int getQuantity() {
        return quantity;
    }

    public boolean isClaimed() {
        return claimed;
    }

    /** Identity of a line: its shipment and product. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "shipment_id")
        private long shipmentId;

        @Column(name = "product_id")
        private long productId;

        protected Key() {}

        Key(long shipmentId, long productId) {
            this.shipmentId = shipmentId;
            this.productId = productId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.shipmentId == shipmentId && k.productId == productId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(shipmentId, productId);
        }
    }
}
