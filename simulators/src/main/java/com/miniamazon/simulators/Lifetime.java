package com.miniamazon.simulators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * Keeps a command's process alive until it is told to stop (SIGINT/SIGTERM), then closes what the command
 * started, last started first, before the JVM exits.
 */
public final class Lifetime {

    private static final Logger LOG = Logger.getLogger(Lifetime.class);

    private final List<AutoCloseable> resources = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    public Lifetime() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "stop"));
    }

    /** Registers something to close on stop; returns it. */
    public synchronized <T extends AutoCloseable> T own(T resource) {
        resources.add(resource);
        return resource;
    }

    /** Blocks until the process is told to stop and everything owned is closed. */
    public void awaitStop() throws InterruptedException {
        stopped.await();
    }

    private void stop() {
        List<AutoCloseable> toClose;
        synchronized (this) {
            toClose = new ArrayList<>(resources);
            resources.clear();
        }
        Collections.reverse(toClose);
        boolean clean = true;
        for (AutoCloseable r : toClose) {
            try {
                r.close();
            } catch (Exception e) {
                clean = false;
                LOG.errorf(e, "Stopping %s failed", r);
                e.printStackTrace(); // logging may already be shut down by its own hook
            }
        }
        // Printed, not logged: the JDK's logging resets itself in its own shutdown hook, possibly before this one.
        System.out.println(clean ? "stopped cleanly" : "stopped, with errors (see above)");
        System.out.flush();
        stopped.countDown();
    }
}
