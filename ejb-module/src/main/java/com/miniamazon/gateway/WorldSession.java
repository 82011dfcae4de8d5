package com.miniamazon.gateway;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The one world the store shares with UPS: learned from UPS, and rejoined after every reconnect. */
@Entity
@Table(name = "world_session")
public class WorldSession {

    static final int THE_SESSION = 1;

    @Id
    @Column(name = "id")
    private Integer id;

    @Column(name = "world_id")
    private Long worldId;

    @Column(name = "world_id_learned_at")
    private Instant worldIdLearnedAt;

    @Column(name = "stocked_world_id")
    private Long stockedWorldId;

    protected WorldSession() {}

    public Long getWorldId() {
        return worldId;
    }

    public Instant getWorldIdLearnedAt() {
        return worldIdLearnedAt;
    }

    public Long getStockedWorldId() {
        return stockedWorldId;
    }

    /** @return whether this is a different world from the one known so far */
    boolean learn(long announced, Instant at) {
        if (worldId != null && worldId == announced) {
            return false;
        }
        worldId = announced;
        worldIdLearnedAt = at;
        return true;
    }

    void stocked(long world) {
        stockedWorldId = world;
    }
}
