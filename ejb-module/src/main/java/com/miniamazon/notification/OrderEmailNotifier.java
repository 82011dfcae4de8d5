package com.miniamazon.notification;

import com.miniamazon.ordering.OrderStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Listens for orders changing state and has the customer emailed about the ones worth an email, only after
 * the change committed (a rolled-back change announces nothing).
 */
@ApplicationScoped
public class OrderEmailNotifier {

    @Inject
    private OrderMailer mailer;

    void onStatusChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) OrderStatusChanged change) {
        switch (change.to()) {
            case DELIVERING, DELIVERED -> mailer.announce(change.orderId(), change.to());
            default -> { }
        }
    }
}
