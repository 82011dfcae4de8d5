package com.miniamazon.simulators.net;

/**
 * How a group-commit loop's transactions went: how many, how long, how many command items each carried. Written
 * by the loop thread, read by anyone (a benchmark, a log line).
 */
public final class CommitStats {

    private long commits;
    private long nanos;
    private long maxNanos;
    private long items;

    /** Records one successful commit. */
    public synchronized void record(long commitNanos, int commandItems) {
        commits++;
        nanos += commitNanos;
        maxNanos = Math.max(maxNanos, commitNanos);
        items += commandItems;
    }

    /** A one-line summary of what was recorded since the last call; the counters start again from zero. */
    public synchronized String takeSummary() {
        String s = commits == 0 ? "no commits" : String.format("%d commits, mean %.2f ms, max %.2f ms, %.1f command items per commit",
                commits, nanos / 1e6 / commits, maxNanos / 1e6, (double) items / commits);
        commits = 0;
        nanos = 0;
        maxNanos = 0;
        items = 0;
        return s;
    }
}
