package com.miniamazon.fulfilment;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What leaves one warehouse for one order. Its id is the shipid: the world's package id and the number the
 * customer tracks. The flags record which of the facts that coordination depends on hold; each is set once.
 */
@Entity
@Table(name = "shipment")
public class Shipment {

    // Taken from the sequence fifty at a time, on persist (V26): a checkout costs no round trip for its shipid.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "shipment_ids")
    @SequenceGenerator(name = "shipment_ids", sequenceName = "shipment_id_seq", initialValue = 1001, allocationSize = 50)
    @Column(name = "id")
    private Long id;

    @Column(name = "order_id", nullable = false, updatable = false)
    private long orderId;

    @Column(name = "warehouse_id", nullable = false, updatable = false)
    private int warehouseId;

    @Column(name = "stock_claimed", nullable = false)
    private boolean stockClaimed;

    @Column(name = "pack_requested", nullable = false)
    private boolean packRequested;

    @Column(name = "packed", nullable = false)
    private boolean packed;

    @Column(name = "truck_id")
    private Integer truckId;

    @Column(name = "truck_arrived", nullable = false)
    private boolean truckArrived;

    @Column(name = "load_requested", nullable = false)
    private boolean loadRequested;

    @Column(name = "loaded", nullable = false)
    private boolean loaded;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    @Column(name = "version", nullable = false)
    private int version;

    @OneToMany(mappedBy = "shipment", cascade = CascadeType.PERSIST)
    @OrderBy("key.productId")
    private List<ShipmentLine> lines = new ArrayList<>();

    protected Shipment() {}

    /** A new shipment; persisting it gives it its id, which its lines need, so they are added after. */
    Shipment(long orderId, int warehouseId, Instant createdAt) {
        this.orderId = orderId;
        this.warehouseId = warehouseId;
        this.createdAt = createdAt;
    }

    ShipmentLine addLine(long productId, int quantity) {
        ShipmentLine line = new ShipmentLine(this, productId, quantity);
        lines.add(line);
        return line;
    }

    /** True once every line's units have been claimed from stock; recomputed after each claim. */
    boolean refreshStockClaimed() {
        stockClaimed = lines.stream().allMatch(ShipmentLine::isClaimed);
        return stockClaimed;
    }

    void markPackRequested() {
        packRequested = true;
    }

    void markPacked() {
        packed = true;
    }

    void truckArrived(int truck) {
        truckId = truck;
        truckArrived = true;
    }

    void markLoadRequested() {
        loadRequested = true;
    }

    /** The world refused the load; loading may be asked again once both facts are confirmed. */
    void clearLoadRequested() {
        loadRequested = false;
    }

    void markLoaded() {
        loaded = true;
    }

    /** Both facts loading needs hold and nobody asked to load yet. */
    boolean readyToLoad() {
        return packed && truckArrived && !loadRequested;
    }

    public Long getId() {
        return id;
    }

    public long getOrderId() {
        return orderId;
    }

    public int getWarehouseId() {
        return warehouseId;
    }

    public boolean isStockClaimed() {
        return stockClaimed;
    }

    public boolean isPackRequested() {
        return packRequested;
    }

    public boolean isPacked() {
        return packed;
    }

    public Integer getTruckId() {
        return truckId;
    }

    public boolean isTruckArrived() {
        return truckArrived;
    }

    public boolean isLoadRequested() {
        return loadRequested;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public List<ShipmentLine> getLines() {
        return Collections.unmodifiableList(lines);
    }
}
