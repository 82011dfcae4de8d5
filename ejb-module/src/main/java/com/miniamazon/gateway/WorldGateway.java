package com.miniamazon.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.miniamazon.fulfilment.CommandKind;
import com.miniamazon.health.ShopHealth;
import com.miniamazon.inventory.Warehouse;
import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AConnected;
import com.miniamazon.protocol.world.AErr;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.ALoaded;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.APackage;
import com.miniamazon.protocol.world.APacked;
import com.miniamazon.protocol.world.AProduct;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.APutOnTruck;
import com.miniamazon.protocol.world.AQuery;
import com.miniamazon.protocol.world.AResponses;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Owns the store's one connection to the world. It joins the world UPS announced (rejoining after every loss,
 * with our warehouses), replays unacknowledged commands, and turns the world's responses into reports for
 * fulfilment. The connection's reader runs on a container-managed thread.
 *
 * <p>{@code @PermitAll}: its callers are the store's own timers, commit observers and status pages.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class WorldGateway extends PeerGateway {

    private static final Logger LOG = Logger.getLogger(WorldGateway.class);

    @PostConstruct
    void start() {
        start(new WorldLink(), "world-connection", ShopHealth.WORLD_CONNECTION);
    }

    @PreDestroy
    @Override
    void stop() {
        super.stop();
    }

    /** UPS announced a world different from the one joined: leave and join the new one. */
    public void worldChanged() {
        link().reconnect();
    }

    /** A world id became known: connect if waiting for one. */
    public void worldKnown() {
        link().wakeUp();
    }

    private final class WorldLink extends PeerLink<AResponses> {
        private volatile Long joinedWorld;
        /** Whether the last look-up of the world failed (logged once, not every second). */
        private volatile boolean lookupFailing;

        WorldLink() {
            super(Peer.WORLD, AResponses.parser(), WorldGateway.this.outbox, WorldGateway.this.processor, WorldGateway.this.settings);
        }

        @Override
        protected InetSocketAddress address() {
            return new InetSocketAddress(settings.worldHost(), settings.worldPort());
        }

        /**
         * Asks the database which world to join. Called by the connection's thread outside the loop's own error
         * handling: a database failure here once ended the thread for good (the store then never reconnected to
         * the world), so it counts as "not yet" and the loop asks again a second later.
         */
        @Override
        protected boolean canConnect() {
            try {
                boolean known = processor.knownWorld().isPresent();
                lookupFailing = false;
                return known;
            } catch (RuntimeException e) {
                if (!lookupFailing) {
                    LOG.warnf("peer=WORLD cannot read the world to join (%s); asking again every second", e.toString());
                }
                lookupFailing = true;
                return false;
            }
        }

        @Override
        protected Long worldId() {
            return joinedWorld;
        }

        @Override
        protected void handshake(FrameReader<AResponses> reader, FrameWriter writer) throws IOException {
            long worldId = processor.knownWorld().orElseThrow(() -> new IOException("no world to join yet"));
            AConnect.Builder connect = AConnect.newBuilder().setWorldid(worldId).setIsAmazon(true);
            for (Warehouse warehouse : processor.warehouses()) {
                connect.addInitwh(AInitWarehouse.newBuilder()
                        .setId(warehouse.getId()).setX(warehouse.getX()).setY(warehouse.getY()));
            }
            writer.write(connect.build());
            AConnected connected = reader.read(AConnected.parser());
            if (connected == null) {
                throw new IOException("the world closed the connection during the handshake");
            }
            if (!"connected!".equals(connected.getResult())) {
                throw new IOException("the world refused to let us join world " + worldId + ": " + connected.getResult());
            }
            joinedWorld = worldId;
            processor.joinedWorld(worldId);
            LOG.infof("Joined world %d with %d warehouse(s)", worldId, connect.getInitwhCount());
        }

        @Override
        protected List<Long> receive(AResponses responses) {
            List<InboundProcessor.Received> items = new ArrayList<>();
            for (APurchaseMore arrived : responses.getArrivedList()) {
                Map<Long, Integer> units = new LinkedHashMap<>();
                for (AProduct product : arrived.getThingsList()) {
                    units.merge(product.getId(), product.getCount(), Integer::sum);
                }
                items.add(new InboundProcessor.Received(arrived.getSeqnum(), new Report.StockArrived(arrived.getWhnum(), units)));
            }
            for (APacked packed : responses.getReadyList()) {
                items.add(new InboundProcessor.Received(packed.getSeqnum(), new Report.Packed(packed.getShipid())));
            }
            for (ALoaded loaded : responses.getLoadedList()) {
                items.add(new InboundProcessor.Received(loaded.getSeqnum(), new Report.Loaded(loaded.getShipid())));
            }
            for (APackage status : responses.getPackagestatusList()) {
                items.add(new InboundProcessor.Received(status.getSeqnum(),
                        new Report.PackageStatus(status.getPackageid(), status.getStatus())));
            }
            for (AErr error : responses.getErrorList()) {
                items.add(new InboundProcessor.Received(error.getSeqnum(),
                        new Report.CommandError(error.getOriginseqnum(), error.getErr())));
            }
            return applyAll(joinedWorld, responses.getAcksList(), items);
        }

        @Override
        protected boolean finished(AResponses responses) {
            return responses.hasFinished() && responses.getFinished();
        }

        @Override
        protected MessageLite frame(List<OutboxMessage> commands, List<Long> acks) throws IOException {
            ACommands.Builder frame = ACommands.newBuilder().addAllAcks(acks);
            for (OutboxMessage command : commands) {
                try {
                    switch (CommandKind.valueOf(command.getKind())) {
                        case PURCHASE -> frame.addBuy(APurchaseMore.parseFrom(command.getPayload()));
                        case PACK -> frame.addTopack(APack.parseFrom(command.getPayload()));
                        case PUT_ON_TRUCK -> frame.addLoad(APutOnTruck.parseFrom(command.getPayload()));
                        case QUERY_PACKAGE -> frame.addQueries(AQuery.parseFrom(command.getPayload()));
                        default -> throw new IOException("command " + command.getSeqnum() + " of kind " + command.getKind()
                                + " is not for the world");
                    }
                } catch (InvalidProtocolBufferException e) {
                    throw new IOException("stored command " + command.getSeqnum() + " cannot be read back", e);
                }
            }
            return frame.build();
        }
    }
}
