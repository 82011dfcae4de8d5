package com.miniamazon.simulators.world;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.miniamazon.protocol.world.AErr;
import com.miniamazon.protocol.world.ALoaded;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.APackage;
import com.miniamazon.protocol.world.APacked;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UTruck;
import com.miniamazon.simulators.net.OutboundItem;
import com.miniamazon.simulators.store.ColumnBatch;
import com.miniamazon.simulators.store.Database;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The world simulator's PostgreSQL database: loads a world when a client comes back for it and writes every
 * world's pending changes in one transaction (the group commit). Used by the loop thread only.
 */
final class WorldStore implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(WorldStore.class);

    private final Database database;

    WorldStore(Database database) {
        this.database = database;
    }

    /** A new world's id, from the database's sequence. */
    long newWorldId() throws SQLException {
        try (PreparedStatement ps = database.connection().prepareStatement("select nextval('world_id_seq')");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            long id = rs.getLong(1);
            database.connection().commit();
            return id;
        } catch (SQLException e) {
            database.rollbackQuietly();
            throw e;
        }
    }

    /** Loads a world and everything pending in it, or returns null when there is no such world. Timers are not set. */
    World load(long worldId, World.Host host, EventLog events) throws SQLException {
        Connection c = database.connection();
        try {
            World world;
            try (PreparedStatement ps = c.prepareStatement("select simspeed, next_seqnum from world where id = ?")) {
                ps.setLong(1, worldId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return null;
                    }
                    world = new World(worldId, rs.getInt(1), rs.getLong(2), host, events);
                }
            }
            try (ResultSet rs = query(c, "select id, x, y from warehouse where world_id = ?", worldId)) {
                while (rs.next()) {
                    world.warehouses.put(rs.getInt(1), new int[] {rs.getInt(2), rs.getInt(3)});
                }
            }
            try (ResultSet rs = query(c, "select id, description from product where world_id = ?", worldId)) {
                while (rs.next()) {
                    world.products.put(rs.getLong(1), rs.getString(2));
                }
            }
            try (ResultSet rs = query(c, "select warehouse_id, product_id, count from stock where world_id = ?", worldId)) {
                while (rs.next()) {
                    world.stock.computeIfAbsent(rs.getInt(1), k -> new HashMap<>()).put(rs.getLong(2), rs.getInt(3));
                }
            }
            try (ResultSet rs = query(c, "select id, warehouse_id, things, arrive_at from purchase where world_id = ? order by id", worldId)) {
                while (rs.next()) {
                    world.purchases.put(rs.getLong(1), new WorldChanges.Purchase(rs.getLong(1), rs.getInt(2),
                            APurchaseMore.parseFrom(rs.getBytes(3)), rs.getLong(4)));
                }
            }
            try (ResultSet rs = query(c, "select id, init_x, init_y, status, from_x, from_y, to_x, to_y, depart_at, arrive_at,"
                    + " at_warehouse, target_warehouse, delivering, route from truck where world_id = ? order by id", worldId)) {
                while (rs.next()) {
                    Truck t = new Truck(rs.getInt(1), rs.getInt(2), rs.getInt(3));
                    t.status = TruckStatus.valueOf(rs.getString(4));
                    t.fromX = rs.getInt(5);
                    t.fromY = rs.getInt(6);
                    t.toX = rs.getInt(7);
                    t.toY = rs.getInt(8);
                    t.departAt = rs.getLong(9);
                    t.arriveAt = rs.getLong(10);
                    t.atWarehouse = (Integer) rs.getObject(11);
                    t.targetWarehouse = (Integer) rs.getObject(12);
                    t.delivering = rs.getBoolean(13);
                    t.route = new ArrayList<>(Arrays.asList((Long[]) rs.getArray(14).getArray()));
                    world.trucks.put(t.id, t);
                }
            }
            try (ResultSet rs = query(c, "select id, warehouse_id, things, status, truck_id, dest_x, dest_y, ready_at"
                    + " from package where world_id = ?", worldId)) {
                while (rs.next()) {
                    WorldPackage p = new WorldPackage(rs.getLong(1), rs.getInt(2), APack.parseFrom(rs.getBytes(3)));
                    p.status = PackageStatus.valueOf(rs.getString(4));
                    p.truckId = (Integer) rs.getObject(5);
                    p.destX = (Integer) rs.getObject(6);
                    p.destY = (Integer) rs.getObject(7);
                    p.readyAt = rs.getLong(8);
                    world.packages.put(p.id, p);
                    if (p.status == PackageStatus.LOADING && p.truckId != null && world.trucks.containsKey(p.truckId)) {
                        world.trucks.get(p.truckId).loadsInProgress++;
                    }
                }
            }
            try (ResultSet rs = query(c, "select side, seqnum from seen_command where world_id = ?", worldId)) {
                while (rs.next()) {
                    world.side(Side.ofCode(rs.getString(1))).restoreSeen(rs.getLong(2));
                }
            }
            try (ResultSet rs = query(c, "select side, seqnum, kind, payload from outbound_item where world_id = ? order by seqnum", worldId)) {
                while (rs.next()) {
                    Side side = Side.ofCode(rs.getString(1));
                    long seq = rs.getLong(2);
                    int kind = rs.getInt(3);
                    world.side(side).restoreUnacked(new OutboundItem(seq, kind, parseItem(side, kind, rs.getBytes(4))));
                }
            }
            c.rollback(); // read only
            return world;
        } catch (SQLException e) {
            database.rollbackQuietly();
            throw e;
        } catch (InvalidProtocolBufferException e) {
            database.rollbackQuietly();
            throw new SQLException("world " + worldId + " has a stored message that does not parse: " + e.getMessage(), e);
        }
    }

    private static ResultSet query(Connection c, String sql, long worldId) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        ps.setLong(1, worldId);
        ps.closeOnCompletion();
        return ps.executeQuery();
    }

    static MessageLite parseItem(Side side, int kind, byte[] payload) throws InvalidProtocolBufferException {
        if (side == Side.AMAZON) {
            return switch (kind) {
                case World.A_ARRIVED -> APurchaseMore.parseFrom(payload);
                case World.A_READY -> APacked.parseFrom(payload);
                case World.A_LOADED -> ALoaded.parseFrom(payload);
                case World.A_ERROR -> AErr.parseFrom(payload);
                case World.A_PACKAGE_STATUS -> APackage.parseFrom(payload);
                default -> throw new InvalidProtocolBufferException("unknown Amazon item kind " + kind);
            };
        }
        return switch (kind) {
            case World.U_COMPLETION -> UFinished.parseFrom(payload);
            case World.U_DELIVERED -> UDeliveryMade.parseFrom(payload);
            case World.U_TRUCK_STATUS -> UTruck.parseFrom(payload);
            case World.U_ERROR -> UErr.parseFrom(payload);
            default -> throw new InvalidProtocolBufferException("unknown UPS item kind " + kind);
        };
    }

    /**
     * Writes the pending changes of these worlds in one transaction. On success their change sets are cleared; on
     * failure the transaction is rolled back, the change sets are kept for the next attempt, and the error is thrown.
     */
    void commit(Collection<World> worlds) throws SQLException {
        Connection c = database.connection();
        // The voluminous rows (one or more per command item) go as column arrays: one statement per table.
        ColumnBatch stock = new ColumnBatch("insert into stock (world_id, warehouse_id, product_id, count)"
                + " select * from unnest(?::bigint[], ?::int[], ?::bigint[], ?::int[])"
                + " on conflict (world_id, warehouse_id, product_id) do update set count = excluded.count",
                "bigint", "int", "bigint", "int");
        ColumnBatch packages = new ColumnBatch("insert into package (world_id, id, warehouse_id, things, status, truck_id,"
                + " dest_x, dest_y, ready_at) select * from unnest(?::bigint[], ?::bigint[], ?::int[], ?::bytea[], ?::text[],"
                + " ?::int[], ?::int[], ?::int[], ?::bigint[]) on conflict (world_id, id) do update set"
                + " status = excluded.status, truck_id = excluded.truck_id, dest_x = excluded.dest_x,"
                + " dest_y = excluded.dest_y, ready_at = excluded.ready_at",
                "bigint", "bigint", "int", "bytea", "text", "int", "int", "int", "bigint");
        ColumnBatch seen = new ColumnBatch("insert into seen_command (world_id, side, seqnum)"
                + " select * from unnest(?::bigint[], ?::text[], ?::bigint[]) on conflict do nothing", "bigint", "text", "bigint");
        ColumnBatch outboundAdd = new ColumnBatch("insert into outbound_item (world_id, seqnum, side, kind, payload)"
                + " select * from unnest(?::bigint[], ?::bigint[], ?::text[], ?::int[], ?::bytea[]) on conflict do nothing",
                "bigint", "bigint", "text", "int", "bytea");
        ColumnBatch outboundRemove = new ColumnBatch("delete from outbound_item o using unnest(?::bigint[], ?::bigint[]) as d(w, s)"
                + " where o.world_id = d.w and o.seqnum = d.s", "bigint", "bigint");
        ColumnBatch events = new ColumnBatch("insert into world_event (world_id, kind, package_id, truck_id, warehouse_id, x, y)"
                + " select * from unnest(?::bigint[], ?::text[], ?::bigint[], ?::int[], ?::int[], ?::int[], ?::int[])",
                "bigint", "text", "bigint", "int", "int", "int", "int");
        try (Batch worldRows = new Batch(c, "insert into world (id, simspeed, next_seqnum) values (?, ?, ?)"
                        + " on conflict (id) do update set simspeed = excluded.simspeed, next_seqnum = excluded.next_seqnum");
                Batch warehouses = new Batch(c, "insert into warehouse (world_id, id, x, y) values (?, ?, ?, ?) on conflict do nothing");
                Batch products = new Batch(c, "insert into product (world_id, id, description) values (?, ?, ?) on conflict do nothing");
                Batch purchaseAdd = new Batch(c, "insert into purchase (world_id, id, warehouse_id, things, arrive_at)"
                        + " values (?, ?, ?, ?, ?) on conflict do nothing");
                Batch purchaseRemove = new Batch(c, "delete from purchase where world_id = ? and id = ?");
                Batch trucks = new Batch(c, "insert into truck (world_id, id, init_x, init_y, status, from_x, from_y, to_x, to_y,"
                        + " depart_at, arrive_at, at_warehouse, target_warehouse, delivering, route)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (world_id, id) do update set"
                        + " status = excluded.status, from_x = excluded.from_x, from_y = excluded.from_y, to_x = excluded.to_x,"
                        + " to_y = excluded.to_y, depart_at = excluded.depart_at, arrive_at = excluded.arrive_at,"
                        + " at_warehouse = excluded.at_warehouse, target_warehouse = excluded.target_warehouse,"
                        + " delivering = excluded.delivering, route = excluded.route")) {
            for (World w : worlds) {
                WorldChanges ch = w.changes;
                if (ch.worldRow) {
                    worldRows.add(w.id, w.simspeed, w.nextSeqnum);
                }
                for (int wh : ch.warehouses) {
                    int[] xy = w.warehouses.get(wh);
                    warehouses.add(w.id, wh, xy[0], xy[1]);
                }
                for (long p : ch.products) {
                    products.add(w.id, p, w.products.get(p));
                }
                for (WorldChanges.StockKey k : ch.stock) {
                    stock.add(w.id, k.warehouseId(), k.productId(), w.stock.get(k.warehouseId()).getOrDefault(k.productId(), 0));
                }
                for (WorldChanges.Purchase p : ch.purchasesAdded.values()) {
                    purchaseAdd.add(w.id, p.id(), p.warehouseId(), p.request().toByteArray(), p.arriveAt());
                }
                for (long p : ch.purchasesRemoved) {
                    purchaseRemove.add(w.id, p);
                }
                for (int id : ch.trucks) {
                    Truck t = w.trucks.get(id);
                    Array route = c.createArrayOf("bigint", t.route.toArray());
                    trucks.add(w.id, t.id, t.initX, t.initY, t.status.name(), t.fromX, t.fromY, t.toX, t.toY, t.departAt,
                            t.arriveAt, t.atWarehouse, t.targetWarehouse, t.delivering, route);
                }
                for (long id : ch.packages) {
                    WorldPackage p = w.packages.get(id);
                    packages.add(w.id, p.id, p.warehouseId, p.request.toByteArray(), p.status.name(), p.truckId, p.destX,
                            p.destY, p.readyAt);
                }
                for (WorldChanges.Seen s : ch.seen) {
                    seen.add(w.id, s.side().code(), s.seqnum());
                }
                for (WorldChanges.Outbound o : ch.outboundAdded) {
                    outboundAdd.add(w.id, o.item().seqnum(), o.side().code(), o.item().kind(), o.item().message().toByteArray());
                }
                for (long seq : ch.outboundRemoved) {
                    outboundRemove.add(w.id, seq);
                }
                for (WorldChanges.EventRow e : ch.events) {
                    events.add(w.id, e.kind(), e.packageId(), e.truckId(), e.warehouseId(), e.x(), e.y());
                }
            }
            // Parents before children, so the foreign keys hold.
            for (Batch b : List.of(worldRows, warehouses, products, purchaseAdd, purchaseRemove, trucks)) {
                b.execute();
            }
            for (ColumnBatch b : List.of(stock, packages, seen, outboundAdd, outboundRemove, events)) {
                b.execute(c);
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            database.rollbackQuietly();
            throw e;
        }
        for (World w : worlds) {
            w.changes.clear();
        }
    }

    /** One statement whose rows are sent to the server together. */
    private static final class Batch implements AutoCloseable {
        private final PreparedStatement statement;
        private int rows;

        Batch(Connection c, String sql) throws SQLException {
            this.statement = c.prepareStatement(sql);
        }

        void add(Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                Object v = values[i];
                if (v == null) {
                    statement.setNull(i + 1, Types.NULL);
                } else if (v instanceof byte[] bytes) {
                    statement.setBytes(i + 1, bytes);
                } else {
                    statement.setObject(i + 1, v);
                }
            }
            statement.addBatch();
            rows++;
        }

        void execute() throws SQLException {
            if (rows > 0) {
                statement.executeBatch();
            }
        }

        @Override
        public void close() throws SQLException {
            statement.close();
        }
    }

    @Override
    public void close() {
        database.close();
    }
}
