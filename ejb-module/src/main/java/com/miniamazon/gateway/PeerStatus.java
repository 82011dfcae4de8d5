package com.miniamazon.gateway;

import java.io.Serializable;
import java.time.Instant;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * What an administrator (and the health check) sees of one connection: whether it is up, since when, the last
 * problem, how much has flowed over it since the server started, and how long a command now waits for its
 * acknowledgement before it is first sent again (learned from the peer's round trips, see {@link ResendTimeout}).
 */
public record PeerStatus(Peer peer, String address, State state, Long worldId, Instant since, String lastProblem,
        Instant lastProblemAt, long framesSent, long framesReceived, long itemsResent, long duplicatesReceived,
        long backlog, long resendTimeoutMs) implements Serializable {

    /** This status as a readiness probe's answer: up while connected, with the details an operator needs. */
    public HealthCheckResponse toHealth(String name) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(name)
                .status(state == State.CONNECTED)
                .withData("address", address)
                .withData("state", state.name())
                .withData("since", String.valueOf(since));
        if (worldId != null) {
            response.withData("world", worldId);
        }
        if (lastProblem != null) {
            response.withData("lastProblem", lastProblem);
        }
        return response.build();
    }

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
