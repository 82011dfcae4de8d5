package com.miniamazon.simulators.net;

import java.lang.management.ManagementFactory;
import java.util.concurrent.ThreadLocalRandom;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.jboss.logging.Logger;

/**
 * The percentage of received command items a simulator silently ignores, so that senders must resend. It can be
 * changed while the simulator runs, through JMX ({@link #manage}), so that one benchmark run can measure the store
 * at 0 % and at 30 % without restarting the simulators under it.
 */
public final class Flakiness implements FlakinessMBean {

    private static final Logger LOG = Logger.getLogger(Flakiness.class);
    /** The JMX domain of the simulators' knobs; bench/fulfilment looks them up by it. */
    public static final String DOMAIN = "com.miniamazon.simulators";

    private volatile int percent;
    /** Which simulator this knob belongs to, for the log line of a change; known once {@link #manage}d. */
    private volatile String owner = "a simulator";

    /** @param percent 0 (never drop) to 99 */
    public Flakiness(int percent) {
        this.percent = checked(percent);
    }

    /** True when this item is to be ignored: no ack, no effect. */
    public boolean drop() {
        int now = percent;
        return now > 0 && ThreadLocalRandom.current().nextInt(100) < now;
    }

    @Override
    public int getPercent() {
        return percent;
    }

    /** @throws IllegalArgumentException outside 0..99, leaving the percentage as it was */
    @Override
    public void setPercent(int percent) {
        int before = this.percent;
        this.percent = checked(percent);
        // Only a real change is logged: a client that puts back what it never changed (the bench after a failed
        // attach) would otherwise log a change from 0 % to 0 %.
        if (before != percent) {
            LOG.infof("Flakiness of %s changed from %d %% to %d %%", owner, before, percent);
        }
    }

    /**
     * Registers this knob with the JVM's MBean server as {@code com.miniamazon.simulators:type=Flakiness,
     * simulator=<simulator>,port=<port>}. A simulator that cannot register it (another one on the same port in
     * this JVM) still runs, with a warning; its flakiness then stays as started.
     *
     * @return what withdraws it again, for the simulator's close
     */
    public Registration manage(String simulator, int port) {
        owner = "the " + simulator + " simulator (port " + port + ")";
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        try {
            ObjectName name = new ObjectName(DOMAIN + ":type=Flakiness,simulator=" + simulator + ",port=" + port);
            server.registerMBean(this, name);
            return () -> {
                try {
                    server.unregisterMBean(name);
                } catch (JMException e) {
                    LOG.debugf("Withdrawing %s: %s", name, e.toString());
                }
            };
        } catch (JMException e) {
            LOG.warnf("The %s simulator's flakiness cannot be changed through JMX: %s", simulator, e.toString());
            return () -> { };
        }
    }

    /** A registration to withdraw when the simulator closes. */
    @FunctionalInterface
    public interface Registration extends AutoCloseable {
        @Override
        void close();
    }

    private static int checked(int percent) {
        if (percent < 0 || percent > 99) {
            throw new IllegalArgumentException("flakiness must be 0..99 percent, not " + percent);
        }
        return percent;
    }
}
