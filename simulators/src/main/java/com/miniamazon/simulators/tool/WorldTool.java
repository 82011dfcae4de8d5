package com.miniamazon.simulators.tool;

import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AConnected;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.AResponses;
import com.miniamazon.protocol.world.UCommands;
import com.miniamazon.protocol.world.UConnect;
import com.miniamazon.protocol.world.UConnected;
import com.miniamazon.protocol.world.UInitTruck;
import com.miniamazon.protocol.world.UResponses;
import com.miniamazon.simulators.Options;
import com.miniamazon.simulators.world.WorldConfig;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * {@code tool create-world [--warehouses=id:x:y,...] [--trucks=id:x:y,...]}, {@code tool list-worlds},
 * {@code tool show --world=ID}.
 */
public final class WorldTool {

    private static final Set<String> FLAGS = Set.of("warehouses", "trucks", "host", "amazon-port", "ups-port", "world",
            "db-url", "db-user", "db-password");

    private WorldTool() {}

    /** Runs one tool subcommand; prints its result on standard output. */
    public static int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("tool create-world|list-worlds|show (see the README)");
        }
        Options o = Options.parse(args, 1, FLAGS);
        PrintStream out = System.out;
        switch (args[0]) {
            case "create-world" -> out.println(createWorld(o.string("host", "127.0.0.1"), o.integer("amazon-port", 23456),
                    o.integer("ups-port", 12345), places(o.string("warehouses", "")), places(o.string("trucks", ""))));
            case "list-worlds" -> {
                try (Connection c = connect(o)) {
                    listWorlds(c, out);
                }
            }
            case "show" -> {
                String world = o.string("world", null);
                if (world == null) {
                    throw new IllegalArgumentException("show needs --world=ID");
                }
                try (Connection c = connect(o)) {
                    show(c, Long.parseLong(world), out);
                }
            }
            default -> throw new IllegalArgumentException("unknown tool command " + args[0] + " (create-world, list-worlds, show)");
        }
        return 0;
    }

    /** Parses "id:x:y,id:x:y". */
    static List<int[]> places(String list) {
        List<int[]> result = new ArrayList<>();
        for (String part : list.split(",")) {
            if (part.isBlank()) {
                continue;
            }
            String[] f = part.trim().split(":");
            if (f.length != 3) {
                throw new IllegalArgumentException("'" + part + "' is not id:x:y");
            }
            result.add(new int[] {Integer.parseInt(f[0]), Integer.parseInt(f[1]), Integer.parseInt(f[2])});
        }
        return result;
    }

    /**
     * Creates a world through the protocol: UPS creates it with the trucks (or Amazon with the warehouses when no
     * truck is given), then the other side joins with its own; both disconnect cleanly. Returns the worldid.
     */
    public static long createWorld(String host, int amazonPort, int upsPort, List<int[]> warehouses, List<int[]> trucks)
            throws IOException {
        if (!trucks.isEmpty() || warehouses.isEmpty()) {
            long id = connectUps(host, upsPort, null, trucks);
            if (!warehouses.isEmpty()) {
                connectAmazon(host, amazonPort, id, warehouses);
            }
            return id;
        }
        return connectAmazon(host, amazonPort, null, warehouses);
    }

    private static long connectUps(String host, int port, Long worldId, List<int[]> trucks) throws IOException {
        UConnect.Builder b = UConnect.newBuilder().setIsAmazon(false);
        if (worldId != null) {
            b.setWorldid(worldId);
        }
        trucks.forEach(t -> b.addTrucks(UInitTruck.newBuilder().setId(t[0]).setX(t[1]).setY(t[2])));
        try (Socket s = open(host, port)) {
            FrameWriter w = new FrameWriter(s.getOutputStream());
            FrameReader<byte[]> r = new FrameReader<>(s.getInputStream(), null);
            w.write(b.build());
            UConnected answer = FrameReader.parse(UConnected.parser(), required(r.readPayload()));
            check(answer.getResult());
            w.write(UCommands.newBuilder().setDisconnect(true).build());
            awaitFinished(r, UResponses.parser(), UResponses::getFinished);
            return answer.getWorldid();
        }
    }

    private static long connectAmazon(String host, int port, Long worldId, List<int[]> warehouses) throws IOException {
        AConnect.Builder b = AConnect.newBuilder().setIsAmazon(true);
        if (worldId != null) {
            b.setWorldid(worldId);
        }
        warehouses.forEach(w -> b.addInitwh(AInitWarehouse.newBuilder().setId(w[0]).setX(w[1]).setY(w[2])));
        try (Socket s = open(host, port)) {
            FrameWriter w = new FrameWriter(s.getOutputStream());
            FrameReader<byte[]> r = new FrameReader<>(s.getInputStream(), null);
            w.write(b.build());
            AConnected answer = FrameReader.parse(AConnected.parser(), required(r.readPayload()));
            check(answer.getResult());
            w.write(ACommands.newBuilder().setDisconnect(true).build());
            awaitFinished(r, AResponses.parser(), AResponses::getFinished);
            return answer.getWorldid();
        }
    }

    private static Socket open(String host, int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(host, port), 5000);
        s.setSoTimeout(30_000);
        return s;
    }

    private static byte[] required(byte[] payload) throws IOException {
        if (payload == null) {
            throw new IOException("the world closed the connection before answering");
        }
        return payload;
    }

    private static void check(String result) throws IOException {
        if (!"connected!".equals(result)) {
            throw new IOException("the world refused: " + result);
        }
    }

    private static <M extends MessageLite> void awaitFinished(FrameReader<byte[]> r, Parser<M> parser, Predicate<M> finished)
            throws IOException {
        byte[] payload;
        while ((payload = r.readPayload()) != null) {
            if (finished.test(FrameReader.parse(parser, payload))) {
                return;
            }
        }
    }

    private static Connection connect(Options o) throws SQLException {
        return DriverManager.getConnection(o.string("db-url", WorldConfig.DEFAULT_DB_URL), o.string("db-user", "postgres"),
                o.string("db-password", ""));
    }

    /** Prints one line per world. */
    public static void listWorlds(Connection c, PrintStream out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select w.id, w.simspeed, w.created_at,"
                + " (select count(*) from warehouse x where x.world_id = w.id),"
                + " (select count(*) from truck x where x.world_id = w.id),"
                + " (select count(*) from package x where x.world_id = w.id) from world w order by w.id");
                ResultSet rs = ps.executeQuery()) {
            out.printf("%-8s %-9s %-11s %-7s %-9s %s%n", "world", "simspeed", "warehouses", "trucks", "packages", "created");
            while (rs.next()) {
                out.printf("%-8d %-9d %-11d %-7d %-9d %s%n", rs.getLong(1), rs.getInt(2), rs.getLong(4), rs.getLong(5),
                        rs.getLong(6), rs.getTimestamp(3).toInstant());
            }
        }
    }

    /** Prints a world's warehouses with their stock, its trucks and its packages. */
    public static void show(Connection c, long worldId, PrintStream out) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select simspeed from world where id = ?")) {
            ps.setLong(1, worldId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalArgumentException("no world " + worldId);
                }
                out.printf("world %d (simspeed %d)%n", worldId, rs.getInt(1));
            }
        }
        out.println("warehouses:");
        query(c, "select w.id, w.x, w.y, coalesce(string_agg(p.description || ' (#' || s.product_id || ') x' || s.count, ', '"
                + " order by s.product_id), '') from warehouse w left join stock s on s.world_id = w.world_id"
                + " and s.warehouse_id = w.id and s.count > 0 left join product p on p.world_id = s.world_id and p.id = s.product_id"
                + " where w.world_id = ? group by w.id, w.x, w.y order by w.id", worldId,
                rs -> out.printf("  %d at (%d,%d) stock: %s%n", rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getString(4)));
        out.println("trucks:");
        query(c, "select id, status, from_x, from_y, to_x, to_y, coalesce(array_length(route, 1), 0) from truck"
                + " where world_id = ? order by id", worldId,
                rs -> out.printf("  %d %s at (%d,%d) heading (%d,%d), %d deliveries pending%n", rs.getInt(1),
                        rs.getString(2).toLowerCase().replace('_', ' '), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7)));
        out.println("packages:");
        query(c, "select id, warehouse_id, lower(status), truck_id, dest_x, dest_y from package where world_id = ? order by id",
                worldId, rs -> out.printf("  %d from warehouse %d: %s%s%s%n", rs.getLong(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4) == null ? "" : " on truck " + rs.getInt(4),
                        rs.getObject(5) == null ? "" : " to (" + rs.getInt(5) + "," + rs.getInt(6) + ")"));
    }

    private interface Row {
        void print(ResultSet rs) throws SQLException;
    }

    private static void query(Connection c, String sql, long worldId, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, worldId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    row.print(rs);
                }
            }
        }
    }
}
