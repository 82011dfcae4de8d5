package com.miniamazon.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A command to the world or UPS, stored before it is sent and kept until the peer acknowledges it. Its seqnum,
 * drawn from a database sequence, is the one the peer sees and acknowledges.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

    @Id
    @Column(name = "seqnum")
    private Long seqnum;

    @Enumerated(EnumType.STRING)
    @Column(name = "peer", nullable = false, length = 8)
    private Peer peer;

    @Column(name = "kind", nullable = false, length = 32)
    private String kind;

    @Column(name = "payload", nullable = false)
    private byte[] payload;

    @Column(name = "shipment_id")
    private Long shipmentId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "send_count", nullable = false)
    private int sendCount;

    @Column(name = "last_sent_at")
    private Instant lastSentAt;

    @Column(name = "next_send_at", nullable = false)
    private Instant nextSendAt;

    @Column(name = "acked_at")
    private Instant ackedAt;

    @Column(name = "error", length = 500)
    private String error;

    protected OutboxMessage() {}

    OutboxMessage(long seqnum, Peer peer, String kind, byte[] payload, Long shipmentId, Instant createdAt) {
        this.seqnum = seqnum;
        this.peer = peer;
        this.kind = kind;
        this.payload = payload;
        this.shipmentId = shipmentId;
        this.createdAt = createdAt;
        this.nextSendAt = createdAt;
    }

    public Long getSeqnum() {
        return seqnum;
    }

    public Peer getPeer() {
        return peer;
    }

    public String getKind() {
        return kind;
    }

    public byte[] getPayload() {
        return payload;
    }

    public Long getShipmentId() {
        return shipmentId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getSendCount() {
        return sendCount;
    }

    public Instant getLastSentAt() {
        return lastSentAt;
    }

    public Instant getNextSendAt() {
        return nextSendAt;
    }

    public Instant getAckedAt() {
        return ackedAt;
    }

    public String getError() {
        return error;
    }
}
