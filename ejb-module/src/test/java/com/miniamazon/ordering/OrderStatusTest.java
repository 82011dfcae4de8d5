package com.miniamazon.ordering;

import static com.miniamazon.ordering.OrderStatus.CANCELLED;
import static com.miniamazon.ordering.OrderStatus.DELIVERED;
import static com.miniamazon.ordering.OrderStatus.DELIVERING;
import static com.miniamazon.ordering.OrderStatus.FAILED;
import static com.miniamazon.ordering.OrderStatus.LOADED;
import static com.miniamazon.ordering.OrderStatus.LOADING;
import static com.miniamazon.ordering.OrderStatus.PACKED;
import static com.miniamazon.ordering.OrderStatus.PACKING;
import static com.miniamazon.ordering.OrderStatus.PLACED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class OrderStatusTest {

    @Test
    void theNormalLifeIsOneLineFromPlacedToDelivered() {
        assertThat(PLACED.next()).containsExactlyInAnyOrder(PACKING, FAILED, CANCELLED);
        assertThat(PACKING.next()).containsExactlyInAnyOrder(PACKED, FAILED);
        assertThat(PACKED.next()).containsExactlyInAnyOrder(LOADING, FAILED);
        assertThat(LOADING.next()).containsExactlyInAnyOrder(LOADED, FAILED);
        assertThat(LOADED.next()).containsExactlyInAnyOrder(DELIVERING, FAILED);
        assertThat(DELIVERING.next()).containsExactlyInAnyOrder(DELIVERED, FAILED);
    }

    @ParameterizedTest
    @EnumSource(names = {"DELIVERED", "FAILED", "CANCELLED"})
    void terminalStatesNeverChange(OrderStatus terminal) {
        assertThat(terminal.isTerminal()).isTrue();
        assertThat(terminal.next()).isEmpty();
        for (OrderStatus other : OrderStatus.values()) {
            assertThat(terminal.canMoveTo(other)).isFalse();
        }
    }

    @Test
    void onlyAnOrderNotYetPackingCanBeCancelled() {
        assertThat(PLACED.canMoveTo(CANCELLED)).isTrue();
        assertThatThrownBy(() -> PACKED.pathTo(CANCELLED)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aReportThatOvertookItsPredecessorsWalksThroughTheStatesInBetween() {
        assertThat(PACKED.pathTo(DELIVERED)).containsExactly(LOADING, LOADED, DELIVERING, DELIVERED);
        assertThat(PLACED.pathTo(PACKED)).containsExactly(PACKING, PACKED);
    }

    @Test
    void aLateOrRepeatedReportChangesNothing() {
        assertThat(LOADED.pathTo(PACKED)).isEmpty();
        assertThat(LOADED.pathTo(LOADED)).isEmpty();
        assertThat(DELIVERED.pathTo(DELIVERING)).isEmpty();
    }

    @Test
    void anOrderCanFailFromAnyStateBeforeDelivery() {
        for (OrderStatus status : OrderStatus.values()) {
            if (!status.isTerminal()) {
                assertThat(status.pathTo(FAILED)).containsExactly(FAILED);
            }
        }
        assertThatThrownBy(() -> DELIVERED.pathTo(FAILED)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> CANCELLED.pathTo(PACKING)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void everyStateHasAWordForTheCustomer() {
        for (OrderStatus status : OrderStatus.values()) {
            assertThat(status.label()).isNotBlank();
        }
    }
}
