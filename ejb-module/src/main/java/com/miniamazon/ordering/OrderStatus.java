package com.miniamazon.ordering;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The life of an order, in the one place where its allowed transitions are written down.
 *
 * <p>The normal life is a line: {@code PLACED → PACKING → PACKED → LOADING → LOADED → DELIVERING → DELIVERED}.
 * An order may fail from any state before it is delivered, and may be cancelled while nothing has been packed.
 * Reports from the world and UPS can be late, repeated, or overtake each other, so an order never moves back:
 * a report of a state already passed changes nothing, and a report of a later state advances through the
 * states in between (see {@link #pathTo}).
 */
public enum OrderStatus {
    /** Paid and recorded; waiting for stock at the chosen warehouse, or about to be packed. */
    PLACED("Order placed"),
    /** The warehouse is packing it; a truck has been requested. */
    PACKING("Being packed"),
    /** Packed at the warehouse, waiting for the truck. */
    PACKED("Packed"),
    /** Being put on the truck. */
    LOADING("Loading onto the truck"),
    /** On the truck, which is about to leave. */
    LOADED("On the truck"),
    /** Out for delivery. */
    DELIVERING("Out for delivery"),
    /** Handed over at the destination. */
    DELIVERED("Delivered"),
    /** Cannot be completed; an administrator looks into it. */
    FAILED("Problem with this order"),
    /** Cancelled before anything was packed. */
    CANCELLED("Cancelled");

    private final String label;

    OrderStatus(String label) {
        this.label = label;
    }

    /** What a customer reads for this state. */
    public String label() {
        return label;
    }

    /** Delivered, failed and cancelled orders never change again. */
    public boolean isTerminal() {
        return this == DELIVERED || this == FAILED || this == CANCELLED;
    }

    /** Whether this state lies on the normal line from placed to delivered. */
    public boolean isOnDeliveryLine() {
        return ordinal() <= DELIVERED.ordinal();
    }

    /** The states an order in this state may move to directly. */
    public Set<OrderStatus> next() {
        if (isTerminal()) {
            return Collections.emptySet();
        }
        Set<OrderStatus> next = EnumSet.of(values()[ordinal() + 1], FAILED);
        if (this == PLACED) {
            next.add(CANCELLED);
        }
        return next;
    }

    public boolean canMoveTo(OrderStatus target) {
        return next().contains(target);
    }

    /**
     * The states to pass through, in order, to reach {@code target} from this state: empty when the order is
     * already there or beyond (a late or repeated report), one state for a direct move, several when reports
     * overtook each other.
     *
     * @throws IllegalStateException when the target can never follow this state (for example anything after a
     *     terminal state, or cancelling a packed order)
     */
    public List<OrderStatus> pathTo(OrderStatus target) {
        if (target == this) {
            return List.of();
        }
        if (isOnDeliveryLine() && target.isOnDeliveryLine()) {
            if (target.ordinal() < ordinal()) {
                return List.of();
            }
            if (this != DELIVERED) {
                List<OrderStatus> path = new ArrayList<>();
                for (int i = ordinal() + 1; i <= target.ordinal(); i++) {
                    path.add(values()[i]);
                }
                return path;
            }
        }
        if (canMoveTo(target)) {
            return List.of(target);
        }
        throw new IllegalStateException("an order cannot go from " + this + " to " + target);
    }
}
