package com.miniamazon.simulators.tool;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.simulators.support.AmazonWorldClient;
import com.miniamazon.simulators.support.WorldFixture;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The world tool against a running world simulator and its database. */
class WorldToolTest {

    @Test
    void createsListsAndShowsAWorld() throws Exception {
        try (WorldFixture world = WorldFixture.fast()) {
            long id = WorldTool.createWorld("127.0.0.1", world.amazonPort(), world.upsPort(),
                    WorldTool.places("1:10:10,2:50:60"), WorldTool.places("7:0:0,8:5:5"));
            assertThat(id).isPositive();
            // The tool disconnected both sides cleanly, so a store can join the world it made.
            AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), id, new int[] {1, 10, 10});
            assertThat(amazon.connected.getResult()).isEqualTo("connected!");
            amazon.buy(1, AmazonWorldClient.product(3, "lamp", 4));
            amazon.awaitMessage(r -> r.getArrivedCount() > 0);
            amazon.close();

            ByteArrayOutputStream list = new ByteArrayOutputStream();
            ByteArrayOutputStream show = new ByteArrayOutputStream();
            try (Connection c = DriverManager.getConnection(world.db.url(), "postgres", "")) {
                WorldTool.listWorlds(c, new PrintStream(list, true, StandardCharsets.UTF_8));
                WorldTool.show(c, id, new PrintStream(show, true, StandardCharsets.UTF_8));
            }
            assertThat(list.toString(StandardCharsets.UTF_8)).containsPattern("(?m)^" + id + "\\s+10000\\s+2\\s+2\\s+0");
            String shown = show.toString(StandardCharsets.UTF_8);
            assertThat(shown).contains("1 at (10,10) stock: lamp (#3) x4", "2 at (50,60)", "7 idle at (0,0)", "8 idle at (5,5)");
            assertThat(WorldTool.places("")).isEqualTo(List.of());
        }
    }
}
