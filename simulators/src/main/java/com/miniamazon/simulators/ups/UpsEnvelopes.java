package com.miniamazon.simulators.ups;

import com.miniamazon.protocol.ups.UAAccountResult;
import com.miniamazon.protocol.ups.UACommands;
import com.miniamazon.protocol.ups.UAChangeResult;
import com.miniamazon.protocol.ups.UADelivered;
import com.miniamazon.protocol.ups.UAErr;
import com.miniamazon.protocol.ups.UAOutForDelivery;
import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.protocol.ups.UAWorld;
import com.miniamazon.protocol.world.UCommands;
import com.miniamazon.protocol.world.UGoDeliver;
import com.miniamazon.protocol.world.UGoPickup;
import com.miniamazon.protocol.world.UQuery;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.miniamazon.simulators.net.OutboundItem;
import java.util.List;

/** Puts UPS's outgoing items in their envelopes: UACommands to Amazon, UCommands to the world. */
final class UpsEnvelopes {

    /** Repeated field of UACommands an item goes in (field numbers of amazon_ups.proto). */
    static final int UA_WORLD = 1;
    static final int UA_ARRIVED = 2;
    static final int UA_OUT_FOR_DELIVERY = 3;
    static final int UA_DELIVERED = 4;
    static final int UA_CHANGE = 5;
    static final int UA_ACCOUNT = 6;
    static final int UA_ERROR = 7;
    /** Repeated field of UCommands a command goes in (field numbers of world_ups.proto). */
    static final int U_PICKUP = 1;
    static final int U_DELIVER = 2;
    static final int U_QUERY = 5;

    private UpsEnvelopes() {}

    static UACommands amazon(List<Long> acks, List<OutboundItem> items, boolean finished) {
        UACommands.Builder b = UACommands.newBuilder().addAllAcks(acks);
        for (OutboundItem item : items) {
            switch (item.kind()) {
                case UA_WORLD -> b.addWorld((UAWorld) item.message());
                case UA_ARRIVED -> b.addArrived((UATruckArrived) item.message());
                case UA_OUT_FOR_DELIVERY -> b.addOutfordelivery((UAOutForDelivery) item.message());
                case UA_DELIVERED -> b.addDelivered((UADelivered) item.message());
                case UA_CHANGE -> b.addChanges((UAChangeResult) item.message());
                case UA_ACCOUNT -> b.addAccounts((UAAccountResult) item.message());
                case UA_ERROR -> b.addErrors((UAErr) item.message());
                default -> throw new IllegalStateException("unknown UPS-to-Amazon item kind " + item.kind());
            }
        }
        if (finished) {
            b.setFinished(true);
        }
        return b.build();
    }

    static UCommands world(List<Long> acks, List<OutboundItem> items, boolean finished) {
        UCommands.Builder b = UCommands.newBuilder().addAllAcks(acks);
        for (OutboundItem item : items) {
            switch (item.kind()) {
                case U_PICKUP -> b.addPickups((UGoPickup) item.message());
                case U_DELIVER -> b.addDeliveries((UGoDeliver) item.message());
                case U_QUERY -> b.addQueries((UQuery) item.message());
                default -> throw new IllegalStateException("unknown UPS-to-world item kind " + item.kind());
            }
        }
        return b.build();
    }

    static MessageLite parse(char channel, int kind, byte[] payload) throws InvalidProtocolBufferException {
        if (channel == 'A') {
            return switch (kind) {
                case UA_WORLD -> UAWorld.parseFrom(payload);
                case UA_ARRIVED -> UATruckArrived.parseFrom(payload);
                case UA_OUT_FOR_DELIVERY -> UAOutForDelivery.parseFrom(payload);
                case UA_DELIVERED -> UADelivered.parseFrom(payload);
                case UA_CHANGE -> UAChangeResult.parseFrom(payload);
                case UA_ACCOUNT -> UAAccountResult.parseFrom(payload);
                case UA_ERROR -> UAErr.parseFrom(payload);
                default -> throw new InvalidProtocolBufferException("unknown UPS-to-Amazon item kind " + kind);
            };
        }
        return switch (kind) {
            case U_PICKUP -> UGoPickup.parseFrom(payload);
            case U_DELIVER -> UGoDeliver.parseFrom(payload);
            case U_QUERY -> UQuery.parseFrom(payload);
            default -> throw new InvalidProtocolBufferException("unknown UPS-to-world item kind " + kind);
        };
    }
}
