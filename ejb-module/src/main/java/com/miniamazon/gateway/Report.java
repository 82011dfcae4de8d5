package com.miniamazon.gateway;

import java.util.List;
import java.util.Map;

/**
 * One item a peer reported, translated out of protobuf: what {@link InboundProcessor} applies exactly once.
 * {@link #shipmentId()} names the shipment the report is about, when it is about one (for the record and logs).
 */
public sealed interface Report {

    String kind();

    Long shipmentId();

    /** Every shipment the report concerns (several for a truck waiting for many), to be locked before applying it. */
    default List<Long> shipmentIds() {
        Long only = shipmentId();
        return only == null ? List.of() : List.of(only);
    }

    /** World: units bought for a warehouse arrived ({@code arrived}). */
    record StockArrived(int warehouseId, Map<Long, Integer> units) implements Report {
        public String kind() {
            return "arrived";
        }

        public Long shipmentId() {
            return null;
        }
    }

    /** World: a package is packed ({@code ready}). */
    record Packed(long shipment) implements Report {
        public String kind() {
            return "ready";
        }

        public Long shipmentId() {
            return shipment;
        }
    }

    /** World: a package is on its truck ({@code loaded}). */
    record Loaded(long shipment) implements Report {
        public String kind() {
            return "loaded";
        }

        public Long shipmentId() {
            return shipment;
        }
    }

    /** World: the answer to a query ({@code packagestatus}). */
    record PackageStatus(long shipment, String status) implements Report {
        public String kind() {
            return "packagestatus";
        }

        public Long shipmentId() {
            return shipment;
        }
    }

    /** Either peer: one of our commands was refused ({@code AErr}, {@code UAErr}). */
    record CommandError(long originSeqnum, String error) implements Report {
        public String kind() {
            return "error";
        }

        public Long shipmentId() {
            return null;
        }
    }

    /** UPS: the world we share ({@code UAWorld}). */
    record WorldAnnounced(long worldId) implements Report {
        public String kind() {
            return "world";
        }

        public Long shipmentId() {
            return null;
        }
    }

    /** UPS: a truck waits at a warehouse for these packages ({@code UATruckArrived}). */
    record TruckArrived(int truckId, int warehouseId, List<Long> shipments) implements Report {
        public String kind() {
            return "truckarrived";
        }

        public Long shipmentId() {
            return shipments.size() == 1 ? shipments.get(0) : null;
        }

        @Override
        public List<Long> shipmentIds() {
            return shipments;
        }
    }

    /** UPS: a package left on its truck ({@code UAOutForDelivery}). */
    record OutForDelivery(long shipment, int truckId) implements Report {
        public String kind() {
            return "outfordelivery";
        }

        public Long shipmentId() {
            return shipment;
        }
    }

    /** UPS: a package was delivered ({@code UADelivered}). */
    record Delivered(long shipment, int x, int y) implements Report {
        public String kind() {
            return "delivered";
        }

        public Long shipmentId() {
            return shipment;
        }
    }

    /** UPS: the answer to a destination change ({@code UAChangeResult}). */
    record DestinationChangeAnswered(long shipment, boolean accepted, String reason) implements Report {
        public String kind() {
            return "changeresult";
        }

        public Long shipmentId() {
            return shipment;
        }
    }

    /** UPS: whether a UPS user exists ({@code UAAccountResult}). */
    record AccountAnswered(String account, boolean exists) implements Report {
        public String kind() {
            return "accountresult";
        }

        public Long shipmentId() {
            return null;
        }
    }
}
