package com.miniamazon.simulators.world;

import org.jboss.logging.Logger;

/**
 * One structured log line per world event (key=value), so that a person can follow one package with grep:
 * {@code event=packed world=7 shipid=42 wh=1 seq=1234}, where seq is the
 * world's seqnum of the response item reporting the event (if any). The same events go to the world_event table.
 * Its own logger, so the lines can be turned down (category com.miniamazon.simulators.world.EventLog) in a benchmark.
 */
final class EventLog {

    private static final Logger LOG = Logger.getLogger(EventLog.class);

    void log(long worldId, String kind, Long seq, Long packageId, Integer truckId, Integer warehouseId, Integer x, Integer y) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        StringBuilder line = new StringBuilder(96).append("event=").append(kind).append(" world=").append(worldId);
        if (packageId != null) {
            line.append(" shipid=").append(packageId);
        }
        if (truckId != null) {
            line.append(" truck=").append(truckId);
        }
        if (warehouseId != null) {
            line.append(" wh=").append(warehouseId);
        }
        if (x != null) {
            line.append(" x=").append(x).append(" y=").append(y);
        }
        if (seq != null) {
            line.append(" seq=").append(seq);
        }
        LOG.info(line);
    }
}
