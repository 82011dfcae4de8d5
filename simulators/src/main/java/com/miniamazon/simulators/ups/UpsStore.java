package com.miniamazon.simulators.ups;

import com.google.protobuf.InvalidProtocolBufferException;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.simulators.net.OutboundItem;
import com.miniamazon.simulators.store.Database;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;

/** The UPS simulator's PostgreSQL database: loads the carrier at start, writes each batch in one transaction. */
final class UpsStore implements AutoCloseable {

    private final Database database;

    UpsStore(Database database) {
        this.database = database;
    }

    /** Loads everything stored into {@code carrier}; returns false when nothing is stored yet (a first start). */
    boolean load(Carrier carrier) throws SQLException {
        Connection c = database.connection();
        try {
            try (PreparedStatement ps = c.prepareStatement("select world_id, next_seqnum from ups_state where id = 1");
                    ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    c.rollback();
                    return false;
                }
                carrier.worldId = (Long) rs.getObject(1);
                carrier.nextSeqnum = rs.getLong(2);
            }
            try (PreparedStatement ps = c.prepareStatement("select id, init_x, init_y, x, y, status, warehouse_id from ups_truck order by id");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UpsTruck t = new UpsTruck(rs.getInt(1), rs.getInt(2), rs.getInt(3));
                    t.x = rs.getInt(4);
                    t.y = rs.getInt(5);
                    t.status = UpsTruck.Status.valueOf(rs.getString(6));
                    t.warehouseId = (Integer) rs.getObject(7);
                    carrier.trucks.put(t.id, t);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select request, dest_x, dest_y, truck_id, status from shipment order by shipid");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Shipment s = new Shipment(AURequestPickup.parseFrom(rs.getBytes(1)));
                    s.destX = rs.getInt(2);
                    s.destY = rs.getInt(3);
                    s.truckId = (Integer) rs.getObject(4);
                    s.status = Shipment.Status.valueOf(rs.getString(5));
                    carrier.shipments.put(s.shipid, s);
                    if (s.status == Shipment.Status.WAITING) {
                        carrier.waiting.add(s.shipid);
                    } else if (s.status != Shipment.Status.DELIVERED && s.truckId != null && carrier.trucks.containsKey(s.truckId)) {
                        carrier.trucks.get(s.truckId).shipments.add(s.shipid);
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select channel, seqnum from seen_item");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    (rs.getString(1).equals("A") ? carrier.amazon : carrier.world).restoreSeen(rs.getLong(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select channel, seqnum, kind, payload from outbound_item order by seqnum");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    char channel = rs.getString(1).charAt(0);
                    OutboundItem item = new OutboundItem(rs.getLong(2), rs.getInt(3), UpsEnvelopes.parse(channel, rs.getInt(3), rs.getBytes(4)));
                    (channel == 'A' ? carrier.amazon : carrier.world).restoreUnacked(item);
                }
            }
            c.rollback();
            return true;
        } catch (InvalidProtocolBufferException e) {
            database.rollbackQuietly();
            throw new SQLException("a stored message does not parse: " + e.getMessage(), e);
        } catch (SQLException e) {
            database.rollbackQuietly();
            throw e;
        }
    }

    /** Writes the carrier's pending changes in one transaction; clears them only on success. */
    void commit(Carrier carrier) throws SQLException {
        UpsChanges ch = carrier.changes;
        Connection c = database.connection();
        try (PreparedStatement state = c.prepareStatement("insert into ups_state (id, world_id, next_seqnum) values (1, ?, ?)"
                        + " on conflict (id) do update set world_id = excluded.world_id, next_seqnum = excluded.next_seqnum");
                PreparedStatement trucks = c.prepareStatement("insert into ups_truck (id, init_x, init_y, x, y, status, warehouse_id)"
                        + " values (?, ?, ?, ?, ?, ?, ?) on conflict (id) do update set x = excluded.x, y = excluded.y,"
                        + " status = excluded.status, warehouse_id = excluded.warehouse_id");
                PreparedStatement shipments = c.prepareStatement("insert into shipment (shipid, warehouse_id, wh_x, wh_y, dest_x, dest_y,"
                        + " ups_account, request, truck_id, status) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (shipid) do update set"
                        + " dest_x = excluded.dest_x, dest_y = excluded.dest_y, truck_id = excluded.truck_id, status = excluded.status");
                PreparedStatement seen = c.prepareStatement("insert into seen_item (channel, seqnum) values (?, ?) on conflict do nothing");
                PreparedStatement outAdd = c.prepareStatement("insert into outbound_item (channel, seqnum, kind, payload) values (?, ?, ?, ?)"
                        + " on conflict do nothing");
                PreparedStatement outRemove = c.prepareStatement("delete from outbound_item where channel = ? and seqnum = ?");
                PreparedStatement events = c.prepareStatement("insert into ups_event (kind, shipid, truck_id, warehouse_id, x, y)"
                        + " values (?, ?, ?, ?, ?, ?)")) {
            if (ch.stateRow) {
                state.setObject(1, carrier.worldId, Types.BIGINT);
                state.setLong(2, carrier.nextSeqnum);
                state.executeUpdate();
            }
            for (int id : ch.trucks) {
                UpsTruck t = carrier.trucks.get(id);
                trucks.setInt(1, t.id);
                trucks.setInt(2, t.initX);
                trucks.setInt(3, t.initY);
                trucks.setInt(4, t.x);
                trucks.setInt(5, t.y);
                trucks.setString(6, t.status.name());
                trucks.setObject(7, t.warehouseId, Types.INTEGER);
                trucks.addBatch();
            }
            for (long shipid : ch.shipments) {
                Shipment s = carrier.shipments.get(shipid);
                shipments.setLong(1, s.shipid);
                shipments.setInt(2, s.warehouseId());
                shipments.setInt(3, s.request.getWhX());
                shipments.setInt(4, s.request.getWhY());
                shipments.setInt(5, s.destX);
                shipments.setInt(6, s.destY);
                shipments.setString(7, s.request.hasUpsAccount() ? s.request.getUpsAccount() : null);
                shipments.setBytes(8, s.request.toByteArray());
                shipments.setObject(9, s.truckId, Types.INTEGER);
                shipments.setString(10, s.status.name());
                shipments.addBatch();
            }
            for (UpsChanges.Seen s : ch.seen) {
                seen.setString(1, String.valueOf(s.channel()));
                seen.setLong(2, s.seqnum());
                seen.addBatch();
            }
            for (UpsChanges.Outbound o : ch.outboundAdded) {
                outAdd.setString(1, String.valueOf(o.channel()));
                outAdd.setLong(2, o.item().seqnum());
                outAdd.setInt(3, o.item().kind());
                outAdd.setBytes(4, o.item().message().toByteArray());
                outAdd.addBatch();
            }
            for (UpsChanges.Acked a : ch.outboundRemoved) {
                outRemove.setString(1, String.valueOf(a.channel()));
                outRemove.setLong(2, a.seqnum());
                outRemove.addBatch();
            }
            for (UpsChanges.EventRow e : ch.events) {
                events.setString(1, e.kind());
                events.setObject(2, e.shipid(), Types.BIGINT);
                events.setObject(3, e.truckId(), Types.INTEGER);
                events.setObject(4, e.warehouseId(), Types.INTEGER);
                events.setObject(5, e.x(), Types.INTEGER);
                events.setObject(6, e.y(), Types.INTEGER);
                events.addBatch();
            }
            for (PreparedStatement ps : List.of(trucks, shipments, seen, outAdd, outRemove, events)) {
                ps.executeBatch();
            }
            c.commit();
        } catch (SQLException | RuntimeException e) {
            database.rollbackQuietly();
            throw e;
        }
        ch.clear();
    }

    @Override
    public void close() {
        database.close();
    }
}
