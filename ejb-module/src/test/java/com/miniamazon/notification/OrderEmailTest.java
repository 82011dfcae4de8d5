package com.miniamazon.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.ordering.OrderStatus;
import org.junit.jupiter.api.Test;

class OrderEmailTest {

    @Test
    void onlyShippedAndDeliveredAreAnnounced() {
        assertThat(OrderEmail.about(OrderStatus.PACKED, 7, 1001L, "Ada", 1, 2, "http://shop/")).isEmpty();
        OrderEmail shipped = OrderEmail.about(OrderStatus.DELIVERING, 7, 1001L, "Ada", 1, 2, "http://shop/").orElseThrow();
        assertThat(shipped.subject()).isEqualTo("Your Mini-Amazon order 7 has shipped");
        assertThat(shipped.body()).contains("Tracking number: 1001", "(1, 2)", "http://shop/orders/order.xhtml?id=7");
        assertThat(OrderEmail.about(OrderStatus.DELIVERED, 7, null, "Ada", 1, 2, "http://shop/").orElseThrow().subject())
                .isEqualTo("Your Mini-Amazon order 7 was delivered");
    }
}
