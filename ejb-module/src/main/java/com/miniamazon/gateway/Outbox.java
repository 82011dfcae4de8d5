package com.miniamazon.gateway;

import com.google.protobuf.MessageLite;
import com.miniamazon.fulfilment.CarrierCommands;
import com.miniamazon.fulfilment.CommandKind;
import com.miniamazon.fulfilment.WarehouseCommands;
import com.miniamazon.inventory.GridPoint;
import com.miniamazon.protocol.ups.AUChangeDestination;
import com.miniamazon.protocol.ups.AUItem;
import com.miniamazon.protocol.ups.AULoaded;
import com.miniamazon.protocol.ups.AUQueryAccount;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.AProduct;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.APutOnTruck;
import com.miniamazon.protocol.world.AQuery;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.function.LongFunction;

/**
 * Turns fulfilment's commands into protobuf items and stores each as an {@link OutboxMessage} in the caller's
 * transaction: a command exists durably before any byte of it is sent, and never exists if the business change
 * that caused it rolled back. Sending is the gateways' job, after commit.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Outbox implements WarehouseCommands, CarrierCommands {

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private Event<OutboxAppended> appended;

    @Inject
    private OutboxSeqnums seqnums;

    @Override
    public void purchase(int warehouseId, List<Item> items) {
        append(Peer.WORLD, CommandKind.PURCHASE, null, seqnum -> APurchaseMore.newBuilder()
                .setWhnum(warehouseId)
                .addAllThings(products(items))
                .setSeqnum(seqnum)
                .build());
    }

    @Override
    public void pack(long shipmentId, int warehouseId, List<Item> items) {
        append(Peer.WORLD, CommandKind.PACK, shipmentId, seqnum -> APack.newBuilder()
                .setWhnum(warehouseId)
                .addAllThings(products(items))
                .setShipid(shipmentId)
                .setSeqnum(seqnum)
                .build());
    }

    @Override
    public void putOnTruck(long shipmentId, int warehouseId, int truckId) {
        append(Peer.WORLD, CommandKind.PUT_ON_TRUCK, shipmentId, seqnum -> APutOnTruck.newBuilder()
                .setWhnum(warehouseId)
                .setTruckid(truckId)
                .setShipid(shipmentId)
                .setSeqnum(seqnum)
                .build());
    }

    @Override
    public void queryPackage(long shipmentId) {
        append(Peer.WORLD, CommandKind.QUERY_PACKAGE, shipmentId, seqnum -> AQuery.newBuilder()
                .setPackageid(shipmentId)
                .setSeqnum(seqnum)
                .build());
    }

    @Override
    public void requestPickup(long shipmentId, int warehouseId, GridPoint warehouse, GridPoint destination,
            String upsAccount, List<WarehouseCommands.Item> items) {
        append(Peer.UPS, CommandKind.REQUEST_PICKUP, shipmentId, seqnum -> {
            AURequestPickup.Builder pickup = AURequestPickup.newBuilder()
                    .setSeqnum(seqnum)
                    .setShipid(shipmentId)
                    .setWhnum(warehouseId)
                    .setWhX(warehouse.x())
                    .setWhY(warehouse.y())
                    .setDestX(destination.x())
                    .setDestY(destination.y());
            if (upsAccount != null) {
                pickup.setUpsAccount(upsAccount);
            }
            for (WarehouseCommands.Item item : items) {
                pickup.addItems(AUItem.newBuilder().setDescription(item.description()).setCount(item.count()));
            }
            return pickup.build();
        });
    }

    @Override
    public void notifyLoaded(int truckId, List<Long> shipmentIds) {
        append(Peer.UPS, CommandKind.NOTIFY_LOADED, shipmentIds.size() == 1 ? shipmentIds.get(0) : null,
                seqnum -> AULoaded.newBuilder().setSeqnum(seqnum).setTruckid(truckId).addAllShipid(shipmentIds).build());
    }

    @Override
    public void changeDestination(long shipmentId, GridPoint destination) {
        append(Peer.UPS, CommandKind.CHANGE_DESTINATION, shipmentId, seqnum -> AUChangeDestination.newBuilder()
                .setSeqnum(seqnum)
                .setShipid(shipmentId)
                .setDestX(destination.x())
                .setDestY(destination.y())
                .build());
    }

    @Override
    public void checkAccount(String upsAccount) {
        append(Peer.UPS, CommandKind.CHECK_ACCOUNT, null,
                seqnum -> AUQueryAccount.newBuilder().setSeqnum(seqnum).setUpsAccount(upsAccount).build());
    }

    private void append(Peer peer, CommandKind kind, Long shipmentId, LongFunction<MessageLite> item) {
        long seqnum = seqnums.next();
        em.persist(new OutboxMessage(seqnum, peer, kind.name(), item.apply(seqnum).toByteArray(), shipmentId, Instant.now()));
        appended.fire(new OutboxAppended(peer));
    }

    private static List<AProduct> products(List<Item> items) {
        return items.stream()
                .map(i -> AProduct.newBuilder().setId(i.productId()).setDescription(i.description()).setCount(i.count()).build())
                .toList();
    }
}
