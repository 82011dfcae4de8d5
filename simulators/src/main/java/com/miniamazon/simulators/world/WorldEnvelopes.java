package com.miniamazon.simulators.world;

import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AConnected;
import com.miniamazon.protocol.world.AErr;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.ALoaded;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.APackage;
import com.miniamazon.protocol.world.APacked;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.APutOnTruck;
import com.miniamazon.protocol.world.AQuery;
import com.miniamazon.protocol.world.AResponses;
import com.miniamazon.protocol.world.UCommands;
import com.miniamazon.protocol.world.UConnect;
import com.miniamazon.protocol.world.UConnected;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UGoDeliver;
import com.miniamazon.protocol.world.UGoPickup;
import com.miniamazon.protocol.world.UInitTruck;
import com.miniamazon.protocol.world.UQuery;
import com.miniamazon.protocol.world.UResponses;
import com.miniamazon.protocol.world.UTruck;
import com.miniamazon.simulators.net.OutboundItem;
import java.util.List;

/** Puts response items into the world protocol's envelopes (AResponses, UResponses), each in its repeated field. */
final class WorldEnvelopes {

    private WorldEnvelopes() {}

    static AResponses amazon(List<Long> acks, List<OutboundItem> items, boolean finished) {
        AResponses.Builder b = AResponses.newBuilder().addAllAcks(acks);
        for (OutboundItem item : items) {
            switch (item.kind()) {
                case World.A_ARRIVED -> b.addArrived((APurchaseMore) item.message());
                case World.A_READY -> b.addReady((APacked) item.message());
                case World.A_LOADED -> b.addLoaded((ALoaded) item.message());
                case World.A_ERROR -> b.addError((AErr) item.message());
                case World.A_PACKAGE_STATUS -> b.addPackagestatus((APackage) item.message());
                default -> throw new IllegalStateException("unknown Amazon item kind " + item.kind());
            }
        }
        if (finished) {
            b.setFinished(true);
        }
        return b.build();
    }

    static UResponses ups(List<Long> acks, List<OutboundItem> items, boolean finished) {
        UResponses.Builder b = UResponses.newBuilder().addAllAcks(acks);
        for (OutboundItem item : items) {
            switch (item.kind()) {
                case World.U_COMPLETION -> b.addCompletions((UFinished) item.message());
                case World.U_DELIVERED -> b.addDelivered((UDeliveryMade) item.message());
                case World.U_TRUCK_STATUS -> b.addTruckstatus((UTruck) item.message());
                case World.U_ERROR -> b.addError((UErr) item.message());
                default -> throw new IllegalStateException("unknown UPS item kind " + item.kind());
            }
        }
        if (finished) {
            b.setFinished(true);
        }
        return b.build();
    }
}
