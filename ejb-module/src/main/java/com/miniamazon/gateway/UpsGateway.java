package com.miniamazon.gateway;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.miniamazon.fulfilment.CommandKind;
import com.miniamazon.health.ShopHealth;
import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.ups.AUChangeDestination;
import com.miniamazon.protocol.ups.AUCommands;
import com.miniamazon.protocol.ups.AULoaded;
import com.miniamazon.protocol.ups.AUQueryAccount;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.protocol.ups.UAAccountResult;
import com.miniamazon.protocol.ups.UACommands;
import com.miniamazon.protocol.ups.UAChangeResult;
import com.miniamazon.protocol.ups.UADelivered;
import com.miniamazon.protocol.ups.UAErr;
import com.miniamazon.protocol.ups.UAOutForDelivery;
import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.protocol.ups.UAWorld;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Owns the store's one connection to UPS. UPS listens; the store connects, keeps the connection, and replays
 * unacknowledged commands after every reconnect. UPS's first item names the world both share; a new world id
 * makes the world connection rejoin. The connection's reader runs on a container-managed thread.
 *
 * <p>{@code @PermitAll}: its callers are the store's own timers, commit observers and status pages.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigration", "WorldGateway"})
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class UpsGateway extends PeerGateway {

    private static final Logger LOG = Logger.getLogger(UpsGateway.class);

    @EJB
    private WorldGateway world;

    @PostConstruct
    void start() {
        start(new UpsLink(), "ups-connection", ShopHealth.UPS_CONNECTION);
    }

    @PreDestroy
    @Override
    void stop() {
        super.stop();
    }

    private final class UpsLink extends PeerLink<UACommands> {
        /** The world UPS works in, as it last announced; items are recorded under it. */
        private volatile Long announcedWorld;

        UpsLink() {
            super(Peer.UPS, UACommands.parser(), UpsGateway.this.outbox, UpsGateway.this.processor, UpsGateway.this.settings);
        }

        @Override
        protected InetSocketAddress address() {
            return new InetSocketAddress(settings.upsHost(), settings.upsPort());
        }

        @Override
        protected Long worldId() {
            return announcedWorld;
        }

        @Override
        protected void handshake(FrameReader<UACommands> reader, FrameWriter writer) throws IOException {
            // UPS speaks first (UAWorld); until it does, items are recorded under the world the store knows.
            announcedWorld = processor.knownWorld().orElse(null);
            // An empty frame says at once that this connection speaks the protocol: UPS lets a new connection take
            // over from the one it holds (which may be our own, dead without UPS noticing) only once it has.
            writer.write(AUCommands.getDefaultInstance());
        }

        @Override
        protected List<Long> receive(UACommands commands) {
            List<Long> acks = new ArrayList<>();
            for (UAWorld announced : commands.getWorldList()) {
                try {
                    boolean changed = processor.learnWorld(announced.getWorldid());
                    announcedWorld = announced.getWorldid();
                    if (changed) {
                        world.worldChanged();
                    }
                    world.worldKnown();
                    acks.add(announced.getSeqnum());
                } catch (RuntimeException e) {
                    LOG.errorf(e, "peer=UPS seq=%d world %d could not be recorded; not acknowledged",
                            announced.getSeqnum(), announced.getWorldid());
                }
            }
            Long worldId = announcedWorld;
            if (worldId == null) {
                if (commands.getArrivedCount() + commands.getOutfordeliveryCount() + commands.getDeliveredCount()
                        + commands.getChangesCount() + commands.getAccountsCount() + commands.getErrorsCount() > 0) {
                    LOG.warn("peer=UPS sent items before naming its world; they are left unacknowledged until it does");
                }
                recordAcknowledgements(commands.getAcksList());
                return acks;
            }
            List<InboundProcessor.Received> items = new ArrayList<>();
            for (UATruckArrived arrived : commands.getArrivedList()) {
                items.add(new InboundProcessor.Received(arrived.getSeqnum(),
                        new Report.TruckArrived(arrived.getTruckid(), arrived.getWhnum(), arrived.getShipidList())));
            }
            for (UAOutForDelivery out : commands.getOutfordeliveryList()) {
                items.add(new InboundProcessor.Received(out.getSeqnum(), new Report.OutForDelivery(out.getShipid(), out.getTruckid())));
            }
            for (UADelivered delivered : commands.getDeliveredList()) {
                items.add(new InboundProcessor.Received(delivered.getSeqnum(),
                        new Report.Delivered(delivered.getShipid(), delivered.getX(), delivered.getY())));
            }
            for (UAChangeResult change : commands.getChangesList()) {
                items.add(new InboundProcessor.Received(change.getSeqnum(), new Report.DestinationChangeAnswered(
                        change.getShipid(), change.getOk(), change.hasReason() ? change.getReason() : null)));
            }
            for (UAAccountResult account : commands.getAccountsList()) {
                items.add(new InboundProcessor.Received(account.getSeqnum(),
                        new Report.AccountAnswered(account.getUpsAccount(), account.getExists())));
            }
            for (UAErr error : commands.getErrorsList()) {
                items.add(new InboundProcessor.Received(error.getSeqnum(),
                        new Report.CommandError(error.getOriginseqnum(), error.getErr())));
            }
            acks.addAll(applyAll(worldId, commands.getAcksList(), items));
            return acks;
        }

        @Override
        protected boolean finished(UACommands commands) {
            return commands.hasFinished() && commands.getFinished();
        }

        @Override
        protected MessageLite frame(List<OutboxMessage> commands, List<Long> acks) throws IOException {
            AUCommands.Builder frame = AUCommands.newBuilder().addAllAcks(acks);
            for (OutboxMessage command : commands) {
                try {
                    switch (CommandKind.valueOf(command.getKind())) {
                        case REQUEST_PICKUP -> frame.addPickups(AURequestPickup.parseFrom(command.getPayload()));
                        case NOTIFY_LOADED -> frame.addLoaded(AULoaded.parseFrom(command.getPayload()));
                        case CHANGE_DESTINATION -> frame.addChanges(AUChangeDestination.parseFrom(command.getPayload()));
                        case CHECK_ACCOUNT -> frame.addAccounts(AUQueryAccount.parseFrom(command.getPayload()));
                        default -> throw new IOException("command " + command.getSeqnum() + " of kind " + command.getKind()
                                + " is not for UPS");
                    }
                } catch (InvalidProtocolBufferException e) {
                    throw new IOException("stored command " + command.getSeqnum() + " cannot be read back", e);
                }
            }
            return frame.build();
        }
    }
}
