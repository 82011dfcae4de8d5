package com.miniamazon.inventory;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.util.Objects;

/**
 * How much of one product one warehouse holds. {@code available} counts units in the world's warehouse that no
 * shipment has claimed; {@code onOrder} counts units bought from the world that have not arrived yet. The
 * database refuses a negative count, and claims are conditional updates, so stock never goes below zero even
 * when many checkouts race for the last unit.
 */
@Entity
@Table(name = "warehouse_stock")
public class WarehouseStock {

    @EmbeddedId
    private Key key;

    @Column(name = "available", nullable = false)
    private int available;

    @Column(name = "on_order", nullable = false)
    private int onOrder;

    protected WarehouseStock() {}

    public Key getKey() {
        return key;
    }

    public int getWarehouseId() {
        return key.warehouseId;
    }

    public long getProductId() {
        return key.productId;
    }

    public int getAvailable() {
        return available;
    }

    public int getOnOrder() {
        return onOrder;
    }

    /** Identity of a stock row: a warehouse and a product. */
    @Embeddable
    public static class Key implements Serializable {
        private static final long serialVersionUID = 1L;

        @Column(name = "warehouse_id")
        private int warehouseId;

        @Column(name = "product_id")
        private long productId;

        protected Key() {}

        public Key(int warehouseId, long productId) {
            this.warehouseId = warehouseId;
            this.productId = productId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.warehouseId == warehouseId && k.productId == productId;
        }

        @Override
        public int hashCode() {
            return Objects.hash(warehouseId, productId);
        }
    }
}
