package com.miniamazon.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the peers are and how patiently to talk to them. Values come from MicroProfile Config (system
 * properties that wildfly-config/configure.cli defines, each overridable by an environment variable).
 */
@ApplicationScoped
public class GatewaySettings {

    @Inject
    @ConfigProperty(name = "miniamazon.world.host", defaultValue = "127.0.0.1")
    String worldHost;

    @Inject
    @ConfigProperty(name = "miniamazon.world.port", defaultValue = "23456")
    int worldPort;

    @Inject
    @ConfigProperty(name = "miniamazon.ups.host", defaultValue = "127.0.0.1")
    String upsHost;

    @Inject
    @ConfigProperty(name = "miniamazon.ups.port", defaultValue = "34567")
    int upsPort;

    @Inject
    @ConfigProperty(name = "miniamazon.peer.connect-timeout-ms", defaultValue = "3000")
    long connectTimeoutMs;

    @Inject
    @ConfigProperty(name = "miniamazon.resend.initial-ms", defaultValue = "1000")
    long resendInitialMs;

    /** The shortest first resend timeout the round trips may teach (see {@link ResendTimeout}). */
    @Inject
    @ConfigProperty(name = "miniamazon.resend.min-ms", defaultValue = "200")
    long resendMinMs;

    @Inject
    @ConfigProperty(name = "miniamazon.resend.max-ms", defaultValue = "8000")
    long resendMaxMs;

    /**
     * How many times a command's resend delay doubles from the learned timeout before it stops growing (see
     * {@link ResendTimeout#longestMillis()}).
     */
    @Inject
    @ConfigProperty(name = "miniamazon.resend.doublings", defaultValue = "2")
    int resendDoublings;

    @Inject
    @ConfigProperty(name = "miniamazon.resend.tick-ms", defaultValue = "250")
    long resendTickMs;

    /** Most items put in one frame. */
    @Inject
    @ConfigProperty(name = "miniamazon.peer.batch-size", defaultValue = "200")
    int batchSize;

    /** Longest wait between two attempts to reconnect to a peer that is down. */
    @Inject
    @ConfigProperty(name = "miniamazon.peer.reconnect-max-ms", defaultValue = "10000")
    long reconnectMaxMs;

    /**
     * How long a peer may send nothing at all after the first command it has not answered before the connection
     * is taken for dead, closed and reopened.
     */
    @Inject
    @ConfigProperty(name = "miniamazon.peer.silence.timeout.ms", defaultValue = "30000")
    long silenceTimeoutMs;

    public String worldHost() {
        return worldHost;
    }

    public int worldPort() {
        return worldPort;
    }

    public String upsHost() {
        return upsHost;
    }

    public int upsPort() {
        return upsPort;
    }

    public Duration connectTimeout() {
        return Duration.ofMillis(connectTimeoutMs);
    }

    public long resendInitialMs() {
        return resendInitialMs;
    }

    public long resendMinMs() {
        return resendMinMs;
    }

    public long resendMaxMs() {
        return resendMaxMs;
    }

    public int resendDoublings() {
        return resendDoublings;
    }

    public long resendTickMs() {
        return resendTickMs;
    }

    public int batchSize() {
        return batchSize;
    }

    public Duration silenceTimeout() {
        return Duration.ofMillis(silenceTimeoutMs);
    }

    public Duration reconnectMax() {
        return Duration.ofMillis(reconnectMaxMs);
    }
}
