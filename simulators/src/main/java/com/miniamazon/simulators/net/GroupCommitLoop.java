package com.miniamazon.simulators.net;

import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The one thread that owns a simulator's state. Other threads (connection readers) submit tasks; the loop runs
 * every task that has arrived, then every timer that is due, then calls the {@link Flusher} once for the whole
 * batch: that is where the simulator writes the batch's changes in one transaction and, only after the commit,
 * sends acks and responses (group commit). Timers and state are touched by the loop thread only, so neither
 * needs locks.
 */
public final class GroupCommitLoop implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(GroupCommitLoop.class);
    private static final int MAX_TASKS_PER_BATCH = 20_000;

    /** Called on the loop thread after every batch, and at least every {@code idleWakeMillis}. */
    @FunctionalInterface
    public interface Flusher {
        /** Makes the batch durable, then sends what it produced. On failure the caller retries on the next wake. */
        void flush() throws Exception;
    }

    /** A scheduled task; cancelling it makes the loop skip it. */
    public static final class Timer implements Comparable<Timer> {
        private final long dueAt;
        private final long order;
        private final Runnable task;
        private boolean cancelled;

        private Timer(long dueAt, long order, Runnable task) {
            this.dueAt = dueAt;
            this.order = order;
            this.task = task;
        }

        public void cancel() {
            cancelled = true;
        }

        public long dueAt() {
            return dueAt;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(dueAt, o.dueAt);
            return c != 0 ? c : Long.compare(order, o.order);
        }
    }

    private final String name;
    private final long idleWakeMillis;
    private final LinkedBlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();
    private long timerOrder;
    private Flusher flusher;
    private Thread thread;
    private volatile boolean running;
    private long failedFlushes;

    /** @param idleWakeMillis the longest the loop waits without flushing (resends are sent from the flusher) */
    public GroupCommitLoop(String name, long idleWakeMillis) {
        this.name = name;
        this.idleWakeMillis = Math.max(1, idleWakeMillis);
    }

    /** Starts the loop thread. */
    public synchronized void start(Flusher flusher) {
        this.flusher = flusher;
        running = true;
        thread = new Thread(this::run, name);
        thread.start();
    }

    /** Runs {@code task} on the loop thread, in submission order. Callable from any thread. */
    public void submit(Runnable task) {
        tasks.add(task);
    }

    /** Runs {@code task} on the loop thread at {@code dueAtMillis} (epoch ms) or as soon as possible after. Loop thread only. */
    public Timer schedule(long dueAtMillis, Runnable task) {
        Timer t = new Timer(dueAtMillis, timerOrder++, task);
        timers.add(t);
        return t;
    }

    /** True when called on the loop thread. */
    public boolean inLoop() {
        return Thread.currentThread() == thread;
    }

    private void run() {
        List<Runnable> batch = new ArrayList<>();
        while (running) {
            try {
                long now = System.currentTimeMillis();
                Timer next = timers.peek();
                long wait = idleWakeMillis;
                if (next != null) {
                    wait = Math.max(0, Math.min(wait, next.dueAt - now));
                }
                Runnable first = wait == 0 ? tasks.poll() : tasks.poll(wait, TimeUnit.MILLISECONDS);
                if (first != null) {
                    batch.add(first);
                    tasks.drainTo(batch, MAX_TASKS_PER_BATCH);
                }
                for (Runnable task : batch) {
                    runSafely(task);
                }
                batch.clear();
                now = System.currentTimeMillis();
                while (!timers.isEmpty() && timers.peek().dueAt <= now) {
                    Timer t = timers.poll();
                    if (!t.cancelled) {
                        runSafely(t.task);
                    }
                }
                flush();
            } catch (InterruptedException e) {
                if (running) {
                    LOG.warnf("%s interrupted while running", name);
                }
                break;
            }
        }
        flush(); // what was applied before the stop is made durable and sent if possible
    }

    private void flush() {
        try {
            flusher.flush();
            if (failedFlushes > 0) {
                LOG.infof("%s: flushing works again after %d failures", name, failedFlushes);
                failedFlushes = 0;
            }
        } catch (Exception e) {
            // Nothing was acked for the failed batch; its changes stay pending and the next wake retries them.
            if (failedFlushes++ % 100 == 0) {
                LOG.errorf(e, "%s: writing a batch failed (attempt %d); will retry", name, failedFlushes);
            }
        }
    }

    private void runSafely(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.errorf(e, "%s: a task failed", name);
        }
    }

    /** Stops the loop after its current batch, flushing that batch, and waits for the thread to end. */
    @Override
    public void close() {
        running = false;
        tasks.add(() -> { }); // wakes the loop without interrupting a JDBC call in progress
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
