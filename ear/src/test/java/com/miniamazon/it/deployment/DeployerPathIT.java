package com.miniamazon.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.it.support.Database;
import com.miniamazon.it.support.StandaloneServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The deployer's path, step by step as the README gives it: a stock WildFly, the wildfly-config scripts, the EAR
 * dropped into standalone/deployments. Deploying into an empty database creates the schema and the seed data;
 * deploying again changes nothing; the remove script undoes the configuration. Each script runs twice, as a
 * deployer may.
 */
class DeployerPathIT {

    /** Its own database and ports, derived from the run's, so that runs side by side never share them. */
    private static final String DATABASE = System.getProperty("shop.db.name", "miniamazon_it") + "_deployer";
    private static final int PORT_OFFSET = Integer.getInteger("wildfly.port.offset", 0) + 200;
    private static final Path CONFIG = Path.of(System.getProperty("wildfly.config.dir", "../wildfly-config"));

    @TempDir
    Path workDir;

    @AfterAll
    static void dropDatabase() throws Exception {
        Database.drop(DATABASE);
    }

    @Test
    void aStockWildFlyConfiguredByTheScriptsServesTheShopAndDeployingAgainChangesNothing() throws Exception {
        Database.recreate(DATABASE);
        String driver = "-Dminiamazon.postgresql.driver.jar=" + System.getProperty("jdbc.driver.jar");
        Path ear = Path.of(System.getProperty("ear.file"));

        try (StandaloneServer server = StandaloneServer.unpack(workDir, PORT_OFFSET)) {
            Path config = server.home().resolve("standalone/configuration/standalone-full.xml");
            server.cli(CONFIG.resolve("configure.cli"), driver);
            String configured = Files.readString(config);
            server.cli(CONFIG.resolve("configure.cli"), driver);
            assertThat(Files.readString(config)).as("configure.cli a second time changes nothing").isEqualTo(configured);
            assertThat(configured).contains("java:jboss/datasources/MiniAmazonDS", "PurchaseRequests", "PurchaseAcknowledgements");

            server.drop(ear);
            server.start(Map.of("MINIAMAZON_DB_NAME", DATABASE));
            server.awaitDeployed("mini-amazon.ear", Duration.ofMinutes(3));
            assertThat(server.get("").body()).contains("Laptop 14\" Ultrabook");

            List<String> historyAfterFirstDeploy;
            long products;
            try (Connection db = Database.connect(DATABASE)) {
                historyAfterFirstDeploy = history(db);
                assertThat(historyAfterFirstDeploy).isNotEmpty().allSatisfy(row -> assertThat(row).endsWith("|true"));
                assertThat(Database.column(db, "select version from flyway_schema_history where version is not null order by installed_rank"))
                        .startsWith("1", "2", "3");
                products = Database.count(db, "select count(*) from product");
                assertThat(products).isEqualTo(36);
            }

            server.stop();
            server.start(Map.of("MINIAMAZON_DB_NAME", DATABASE));
            server.awaitDeployed("mini-amazon.ear", Duration.ofMinutes(3));
            try (Connection db = Database.connect(DATABASE)) {
                assertThat(history(db)).as("the second deployment applies no migration").isEqualTo(historyAfterFirstDeploy);
                assertThat(Database.count(db, "select count(*) from product")).isEqualTo(products);
            }
            assertThat(server.serverLog()).contains(": 0 migration(s) applied");
            server.stop();

            server.cli(CONFIG.resolve("remove.cli"));
            server.cli(CONFIG.resolve("remove.cli"));
            String removed = Files.readString(config);
            assertThat(removed).doesNotContain("MiniAmazonDS", "PurchaseRequests", "miniamazon.world.host");
            assertThat(removed).contains("welcome-content");
        }
    }

    /** Each applied migration as version|description|checksum|installed_on|success. */
    private static List<String> history(Connection db) throws Exception {
        return Database.column(db, """
                select coalesce(version, '') || '|' || description || '|' || coalesce(checksum::text, '') || '|'
                       || installed_on || '|' || success
                from flyway_schema_history order by installed_rank""");
    }
}
