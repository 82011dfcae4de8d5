package com.miniamazon.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.jboss.logging.Logger;

/**
 * Brings the database schema up to date when the application is deployed, before anything else touches it.
 * Other start-up beans that use the database declare {@code @DependsOn("DatabaseMigration")}.
 *
 * <p>Migrations are the only way the schema changes; Flyway's own lock makes two servers deploying at once
 * safe, and running again on an up-to-date database changes nothing.
 */
@Singleton
@Startup
public class DatabaseMigration {

    private static final Logger LOG = Logger.getLogger(DatabaseMigration.class);

    @Resource(lookup = "java:jboss/datasources/MiniAmazonDS")
    private DataSource dataSource;

    /** Flyway commits its own work on plain connections, so it must run outside a container transaction. */
    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void migrate() {
        Flyway flyway = Flyway.configure(DatabaseMigration.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .validateMigrationNaming(true)
                .load();
        try {
            MigrateResult result = flyway.migrate();
            LOG.infof("Database schema at version %s: %d migration(s) applied",
                    result.targetSchemaVersion != null ? result.targetSchemaVersion : result.initialSchemaVersion,
                    result.migrationsExecuted);
        } catch (RuntimeException e) {
            LOG.error("Database migration failed; the application will not start", e);
            throw e;
        }
    }
}
