package com.miniamazon.simulators.devstack;

import com.miniamazon.simulators.Lifetime;
import com.miniamazon.simulators.Options;
import com.miniamazon.simulators.ups.UpsConfig;
import com.miniamazon.simulators.ups.UpsSimulator;
import com.miniamazon.simulators.world.WorldConfig;
import com.miniamazon.simulators.world.WorldSimulator;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * What the run command starts before WildFly, in one process: PostgreSQL (the local one, else an embedded one)
 * with the store's, the world's and UPS's databases, then the world simulator and the UPS simulator on their
 * default ports, and a mail catcher that keeps the shop's emails ({@link MailCatcher}). SIGINT/SIGTERM stops them
 * all, the embedded PostgreSQL last.
 */
public final class DevStack {

    private static final Logger LOG = Logger.getLogger(DevStack.class);
    private static final Set<String> FLAGS = Set.of("pg-host", "pg-port", "pg-user", "data-dir", "amazon-port", "ups-port",
            "ups-amazon-port", "flakiness", "ups-flakiness", "simspeed", "resend-ms", "trucks", "accounts", "lowercase-status",
            "smtp-port", "mail-dir");
    private static final Set<String> AWAIT_FLAGS = Set.of("pg-host", "pg-port", "amazon-port", "ups-port", "ups-amazon-port",
            "smtp-port", "timeout-seconds");

    private DevStack() {}

    /** {@code dev-stack [flags]}: starts everything, prints one ready line, runs until stopped. */
    public static int run(String[] args) throws Exception {
        Options o = Options.parse(args, 0, FLAGS);
        String pgHost = o.string("pg-host", "127.0.0.1");
        int pgPort = o.integer("pg-port", 5432);
        String pgUser = o.string("pg-user", "postgres");
        String jdbc = "jdbc:postgresql://" + pgHost + ":" + pgPort + "/";
        Lifetime lifetime = new Lifetime();
        AutoCloseable embedded = DevPostgres.ensureRunning(pgHost, pgPort, pgUser,
                List.of("miniamazon", "miniamazon_world", "miniamazon_ups"),
                Path.of(o.string("data-dir", "target/embedded-postgres")).toAbsolutePath());
        if (embedded != null) {
            lifetime.own(embedded);
        }
        WorldConfig worldConfig = new WorldConfig("127.0.0.1", o.integer("amazon-port", 23456), o.integer("ups-port", 12345),
                o.integer("flakiness", 0), o.integer("resend-ms", 1000), o.integer("simspeed", 100), jdbc + "miniamazon_world",
                pgUser, "", o.flag("lowercase-status"));
        WorldSimulator world = lifetime.own(WorldSimulator.start(worldConfig));
        UpsConfig upsConfig = new UpsConfig("127.0.0.1", o.integer("ups-amazon-port", 34567), "127.0.0.1", world.upsPort(),
                o.integer("trucks", 50), o.integer("ups-flakiness", 0), o.integer("resend-ms", 1000), jdbc + "miniamazon_ups",
                pgUser, "", UpsConfig.accounts(o.string("accounts", UpsConfig.DEFAULT_ACCOUNTS)), null);
        UpsSimulator ups = lifetime.own(UpsSimulator.start(upsConfig));
        MailCatcher mail = lifetime.own(MailCatcher.start(o.integer("smtp-port", MailCatcher.DEFAULT_PORT),
                Path.of(o.string("mail-dir", "target/mail")).toAbsolutePath()));
        String ready = "dev stack ready: PostgreSQL " + pgHost + ":" + pgPort + (embedded != null ? " (embedded)" : "")
                + ", world simulator (Amazon port " + world.amazonPort() + ", UPS port " + world.upsPort()
                + "), UPS simulator (Amazon port " + ups.amazonPort() + "), mail catcher (SMTP port " + mail.port() + ")";
        System.out.println(ready);
        System.out.flush();
        lifetime.awaitStop();
        return 0;
    }

    /** {@code await-dev-stack [--timeout-seconds=120]}: waits until PostgreSQL, the simulators' ports and the mail catcher answer. */
    public static int await(String[] args) throws Exception {
        Options o = Options.parse(args, 0, AWAIT_FLAGS);
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("PostgreSQL", o.integer("pg-port", 5432));
        ports.put("world simulator (Amazon)", o.integer("amazon-port", 23456));
        ports.put("world simulator (UPS)", o.integer("ups-port", 12345));
        ports.put("UPS simulator", o.integer("ups-amazon-port", 34567));
        ports.put("mail catcher", o.integer("smtp-port", MailCatcher.DEFAULT_PORT));
        String host = o.string("pg-host", "127.0.0.1");
        Instant deadline = Instant.now().plusSeconds(o.integer("timeout-seconds", 120));
        while (true) {
            List<String> missing = ports.entrySet().stream().filter(e -> !DevPostgres.answers(host, e.getValue()))
                    .map(e -> e.getKey() + " on " + e.getValue()).toList();
            if (missing.isEmpty()) {
                LOG.infof("Dev stack answers: %s", ports);
                return 0;
            }
            if (Instant.now().isAfter(deadline)) {
                LOG.errorf("Dev stack not ready in time; not answering: %s", missing);
                return 1;
            }
            Thread.sleep(250); // polling other processes that give no signal
        }
    }
}
