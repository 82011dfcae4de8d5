package com.miniamazon.fulfilment;

import com.miniamazon.accounts.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every half minute, looks at orders that have not moved for a while (see
 * {@link FulfilmentService#reviewQuietOrders}): the world's answers to its queries catch up anything the store
 * missed, and orders quiet far too long are flagged for an administrator.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigration") // its timer may not touch the tables before they are migrated
@PermitAll
@RunAs(Roles.SYSTEM)
public class OrderWatchdog {

    private static final Logger LOG = Logger.getLogger(OrderWatchdog.class);

    @EJB
    private FulfilmentService fulfilment;

    @Inject
    @ConfigProperty(name = "miniamazon.watchdog.quiet-seconds", defaultValue = "60")
    private long quietSeconds;

    @Schedule(hour = "*", minute = "*", second = "*/30", persistent = false, info = "quiet order review")
    void review() {
        int reviewed = fulfilment.reviewQuietOrders(Duration.ofSeconds(quietSeconds));
        if (reviewed > 0) {
            LOG.infof("Reviewed %d order(s) quiet for more than %d s", reviewed, quietSeconds);
        }
    }
}
