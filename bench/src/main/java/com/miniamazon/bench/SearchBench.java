package com.miniamazon.bench;

import com.miniamazon.catalog.SearchCriteria;
import com.miniamazon.catalog.SearchSql;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.flywaydb.core.Flyway;
import org.HdrHistogram.Histogram;

/**
 * bench/search: the shop's product search (pg_trgm, the SQL of {@link SearchSql}: the count and the first page
 * of 24, as the search page runs them) against a plain ILIKE scan of the same products, at 100,000 generated
 * products, with queries that carry typos. Uses a throw-away database migrated by the shop's own migrations.
 */
public final class SearchBench {

    private static final String[] ADJECTIVES = {"Compact", "Wireless", "Portable", "Premium", "Classic", "Smart",
            "Ultralight", "Heavy-Duty", "Foldable", "Waterproof", "Digital", "Ergonomic", "Vintage", "Modern",
            "Rechargeable", "Silent", "Professional", "Travel", "Outdoor", "Deluxe"};
    private static final String[] BRANDS = {"Acme", "Globex", "Initech", "Umbrella", "Hooli", "Stark", "Wayne",
            "Wonka", "Tyrell", "Cyberdyne", "Soylent", "Aperture", "Vandelay", "Gringotts", "Oscorp", "Pied Piper",
            "Monarch", "Massive", "Nakatomi", "Virtucon"};
    private static final String[] NOUNS = {"Laptop", "Headphones", "Keyboard", "Monitor", "Camera", "Blender",
            "Toaster", "Kettle", "Backpack", "Tent", "Bicycle", "Helmet", "Speaker", "Microphone", "Router",
            "Charger", "Printer", "Scanner", "Projector", "Tablet", "Smartphone", "Smartwatch", "Drone",
            "Telescope", "Binoculars", "Flashlight", "Lantern", "Thermos", "Skillet", "Saucepan", "Knife Set",
            "Cutting Board", "Coffee Grinder", "Espresso Machine", "Vacuum Cleaner", "Air Purifier", "Humidifier",
            "Desk Lamp", "Office Chair", "Bookshelf", "Mattress", "Pillow", "Blanket", "Towel", "Umbrella",
            "Sunglasses", "Wallet", "Watch", "Sneakers", "Jacket", "Gloves", "Scarf", "Yoga Mat", "Dumbbell",
            "Treadmill", "Skateboard", "Guitar", "Piano Keyboard", "Violin", "Drum Kit", "Puzzle", "Board Game",
            "Action Figure", "Doll House", "Building Blocks", "Notebook", "Fountain Pen", "Calculator", "Globe",
            "Aquarium", "Bird Feeder", "Garden Hose", "Lawn Mower", "Drill", "Screwdriver Set", "Hammer",
            "Toolbox", "Ladder", "Paint Roller", "Extension Cord", "Power Bank", "Hard Drive", "Memory Card",
            "Graphics Card", "Webcam", "Mouse", "Gamepad", "Television", "Soundbar", "Turntable", "Radio",
            "Alarm Clock", "Thermometer", "Scale", "Hair Dryer", "Toothbrush", "Razor", "Perfume", "Candle",
            "Vase"};

    /** What shoppers type: misspelt, partial, or in the wrong case; all should find products. */
    private static final String[] TYPO_QUERIES = {"labtop", "hedphones", "keybaord", "moniter", "camra", "blendr",
            "tostr", "ketle", "backpak", "bicyle", "helment", "speeker", "microfone", "rooter", "chager",
            "printr", "scaner", "projecter", "tablit", "smartfone", "smartwach", "drome", "telescop", "binocular",
            "flashlite", "lanturn", "thermoss", "skilet", "espreso machine", "vacum cleaner", "air purifer",
            "desk lammp", "offise chair", "bookshelv", "matress", "umbrela", "sunglases", "sneekers", "yoga matt",
            "dumbell", "tredmill", "skatebord", "gitar", "violen", "puzle", "notebok", "fountian pen",
            "calculater", "aquarim", "lawn mowr", "screwdriver", "ladr", "powerbank", "hardrive", "webcamm",
            "gamepad", "televison", "soundbarr", "turntabel", "alarm clok", "hair dryr", "toothbruch", "candel",
            "wireles mouse", "acme labtop", "compakt camera", "premium headfones", "LAPTOP", "Kettle", "mous"};

    private SearchBench() {}

    public static void main(String[] args) throws Exception {
        String server = System.getProperty("bench.pg", "jdbc:postgresql://127.0.0.1:5432/");
        int products = Integer.getInteger("bench.products", 100_000);
        int rounds = Integer.getInteger("bench.rounds", 3);
        String database = System.getProperty("bench.db", "miniamazon_bench_search");
        System.out.printf("machine: %d cores, %s %s; PostgreSQL at %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"), System.getProperty("java.version"), server);

        try (Connection admin = DriverManager.getConnection(server + "postgres", "postgres", "");
                Statement s = admin.createStatement()) {
            s.execute("drop database if exists " + database);
            s.execute("create database " + database);
        }
        String url = server + database;
        Flyway.configure(SearchBench.class.getClassLoader()).dataSource(url, "postgres", "")
                .locations("classpath:db/migration").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "postgres", "")) {
            long started = System.nanoTime();
            generate(db, products);
            System.out.printf("generated %,d products in %.1f s%n", count(db), (System.nanoTime() - started) / 1e9);
            explain(db, "labtop");

            Histogram trigram = new Histogram(3_600_000_000L, 3);
            Histogram ilike = new Histogram(3_600_000_000L, 3);
            long trigramFound = 0;
            long ilikeFound = 0;
            int typoQueriesFound = 0;
            int typoQueriesIlikeFound = 0;
            for (int round = 0; round <= rounds; round++) { // round 0 warms up and is not counted
                for (String query : TYPO_QUERIES) {
                    long t0 = System.nanoTime();
                    long found = trigramSearch(db, query);
                    long t1 = System.nanoTime();
                    long scanned = ilikeSearch(db, query);
                    long t2 = System.nanoTime();
                    if (round > 0) {
                        trigram.recordValue(t1 - t0);
                        ilike.recordValue(t2 - t1);
                    }
                    if (round == 1) {
                        trigramFound += found;
                        ilikeFound += scanned;
                        typoQueriesFound += found > 0 ? 1 : 0;
                        typoQueriesIlikeFound += scanned > 0 ? 1 : 0;
                    }
                }
            }
            System.out.printf("queries: %d with typos or partial words, %d rounds each%n", TYPO_QUERIES.length, rounds);
            print("pg_trgm search (count + first 24)", trigram);
            print("plain ILIKE scan (count + first 24)", ilike);
            System.out.printf("queries that found something: pg_trgm %d/%d (%,d matches), ILIKE %d/%d (%,d matches)%n",
                    typoQueriesFound, TYPO_QUERIES.length, trigramFound, typoQueriesIlikeFound, TYPO_QUERIES.length,
                    ilikeFound);
            System.out.printf("speed-up at p50: %.1fx, at p95: %.1fx  (target: p95 <= 20 ms and >= 20x)%n",
                    (double) ilike.getValueAtPercentile(50) / trigram.getValueAtPercentile(50),
                    (double) ilike.getValueAtPercentile(95) / trigram.getValueAtPercentile(95));
        }
    }

    /** Products named "<Adjective> <Brand> <Noun> <model>", spread over the six categories, one seller. */
    private static void generate(Connection db, int products) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into product (seller_id, category_id, name, description, price)
                select (select id from account where email = 'seller@mini-amazon.local'),
                       (select id from category order by id offset (g % 6) limit 1),
                       (?::text[])[1 + (g * 7) % array_length(?::text[], 1)] || ' '
                         || (?::text[])[1 + (g * 13) % array_length(?::text[], 1)] || ' '
                         || (?::text[])[1 + g % array_length(?::text[], 1)] || ' '
                         || chr(65 + g % 26) || (g % 1000)::text,
                       'Generated product number ' || g || ' for the search benchmark.',
                       round((5 + (g * 37) % 2000)::numeric + 0.99, 2)
                from generate_series(1, ?) g""")) {
            insert.setArray(1, db.createArrayOf("text", ADJECTIVES));
            insert.setArray(2, db.createArrayOf("text", ADJECTIVES));
            insert.setArray(3, db.createArrayOf("text", BRANDS));
            insert.setArray(4, db.createArrayOf("text", BRANDS));
            insert.setArray(5, db.createArrayOf("text", NOUNS));
            insert.setArray(6, db.createArrayOf("text", NOUNS));
            insert.setInt(7, products);
            insert.executeUpdate();
        }
        try (Statement s = db.createStatement()) {
            s.execute("vacuum analyze product");
            s.execute("vacuum analyze search_word");
            s.execute("vacuum analyze product_word");
        }
    }

    /** The shop's search: one transaction, the similarity threshold, the count, the first page. */
    private static long trigramSearch(Connection db, String words) throws SQLException {
        SearchSql sql = SearchSql.of(SearchCriteria.words(words));
        db.setAutoCommit(false);
        try {
            try (Statement s = db.createStatement()) {
                s.executeQuery(SearchSql.SET_THRESHOLD).close();
            }
            long count;
            try (PreparedStatement ps = prepare(db, sql.countQuery(), sql.parameters(), sql, true)) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    count = rs.getLong(1);
                }
            }
            Map<String, Object> page = new java.util.LinkedHashMap<>(sql.parameters());
            page.put("limit", 24);
            page.put("offset", 0);
            try (PreparedStatement ps = prepare(db, sql.pageQuery(), page, sql, false);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
            db.commit();
            return count;
        } finally {
            db.setAutoCommit(true);
        }
    }

    /** The obvious alternative: case-insensitive substring match, no index on the name column it scans. */
    private static long ilikeSearch(Connection db, String words) throws SQLException {
        String pattern = "%" + words.strip() + "%";
        long count;
        try (PreparedStatement ps = db.prepareStatement(
                "select count(*) from product p where p.active and p.name ilike ?")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                count = rs.getLong(1);
            }
        }
        try (PreparedStatement ps = db.prepareStatement("""
                select p.id, p.name, p.price from product p join category c on c.id = p.category_id
                join account a on a.id = p.seller_id where p.active and p.name ilike ? order by p.id limit 24""")) {
            ps.setString(1, pattern);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rs.getLong(1);
                }
            }
        }
        return count;
    }

    private static final Pattern NAMED = Pattern.compile("(?<!:):([a-zA-Z][a-zA-Z0-9]*)");

    /** Turns the shop's named parameters (:words) into JDBC ones, binding each occurrence. */
    private static PreparedStatement prepare(Connection db, String namedSql, Map<String, Object> values, SearchSql sql,
            boolean countOnly) throws SQLException {
        List<Object> bound = new ArrayList<>();
        Matcher m = NAMED.matcher(namedSql);
        StringBuilder jdbc = new StringBuilder();
        while (m.find()) {
            if (!values.containsKey(m.group(1))) {
                throw new IllegalStateException("no value for :" + m.group(1) + " in " + namedSql);
            }
            bound.add(values.get(m.group(1)));
            m.appendReplacement(jdbc, "?");
        }
        m.appendTail(jdbc);
        PreparedStatement ps = db.prepareStatement(jdbc.toString());
        for (int i = 0; i < bound.size(); i++) {
            ps.setObject(i + 1, bound.get(i));
        }
        return ps;
    }

    private static void explain(Connection db, String words) throws SQLException {
        SearchSql sql = SearchSql.of(SearchCriteria.words(words));
        db.setAutoCommit(false);
        try (Statement s = db.createStatement()) {
            s.executeQuery(SearchSql.SET_THRESHOLD).close();
            try (PreparedStatement ps = prepare(db, "explain " + sql.countQuery(), sql.parameters(), sql, true);
                    ResultSet rs = ps.executeQuery()) {
                System.out.println("plan of the count for \"" + words + "\":");
                while (rs.next()) {
                    System.out.println("  " + rs.getString(1));
                }
            }
            db.commit();
        } finally {
            db.setAutoCommit(true);
        }
    }

    private static long count(Connection db) throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("select count(*) from product")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void print(String what, Histogram h) {
        System.out.printf("%-38s p50 %7.2f ms   p95 %7.2f ms   p99 %7.2f ms   max %7.2f ms   (n=%d)%n", what,
                h.getValueAtPercentile(50) / 1e6, h.getValueAtPercentile(95) / 1e6, h.getValueAtPercentile(99) / 1e6,
                h.getMaxValue() / 1e6, h.getTotalCount());
    }
}
