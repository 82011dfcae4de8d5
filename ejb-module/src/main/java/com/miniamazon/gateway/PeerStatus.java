package com.miniamazon.gateway;

import java.io.Serializable;
import java.time.Instant;

/**
 * What an administrator (and the health check) sees of one connection: whether it is up, since when, the last
 * problem, and how much has flowed over it since the server started.
 */
public record PeerStatus(Peer peer, String address, State state, Long worldId, Instant since, String lastProblem,
        Instant lastProblemAt, long framesSent, long framesReceived, long itemsResent, long duplicatesReceived,
        long backlog) implements Serializable {

    /** Where a connection stands. */
    public enum State {
        /** The world connection waits for UPS to say which world to join. */
        WAITING_FOR_WORLD,
        CONNECTING,
        CONNECTED,
        /** Lost or refused; a reconnect is scheduled. */
        DISCONNECTED,
        STOPPED
    }
}
