package com.miniamazon.simulators.ups;

import com.miniamazon.simulators.net.OutboundItem;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** What changed since the last commit; kept until a commit succeeds. */
final class UpsChanges {

    /** 'A' for the Amazon connection, 'W' for the world connection. */
    record Seen(char channel, long seqnum) {}

    record Outbound(char channel, OutboundItem item) {}

    record Acked(char channel, long seqnum) {}

    record EventRow(String kind, Long shipid, Integer truckId, Integer warehouseId, Integer x, Integer y) {}

    boolean stateRow;
    final Set<Integer> trucks = new LinkedHashSet<>();
    final Set<Long> shipments = new LinkedHashSet<>();
    final List<Seen> seen = new ArrayList<>();
    final List<Outbound> outboundAdded = new ArrayList<>();
    final List<Acked> outboundRemoved = new ArrayList<>();
    final List<EventRow> events = new ArrayList<>();

    boolean isEmpty() {
        return !stateRow && trucks.isEmpty() && shipments.isEmpty() && seen.isEmpty() && outboundAdded.isEmpty()
                && outboundRemoved.isEmpty() && events.isEmpty();
    }

    void clear() {
        stateRow = false;
        trucks.clear();
        shipments.clear();
        seen.clear();
        outboundAdded.clear();
        outboundRemoved.clear();
        events.clear();
    }
}
