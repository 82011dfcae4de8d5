package com.miniamazon.ordering;

import com.miniamazon.accounts.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.jboss.logging.Logger;

/**
 * Receives purchase requests, has {@link PurchaseAcceptance} record each order's acceptance in its own
 * transaction and, once that has committed, answers the waiting checkout.
 *
 * <p>No transaction spans the delivery: receiving the message inside the acceptance's transaction made every
 * acceptance a two-phase commit of the database and the broker, with the broker's journal writes on the way to
 * the customer's answer. Nothing depends on the message surviving: the order row is the record, a request that
 * fails here is logged and sent again by {@link UnacceptedOrders}, and acceptance is idempotent.
 *
 * <p>{@code @PermitAll}: the broker delivers without a caller identity, and WildFly denies methods that name no
 * permission; the acceptance itself runs as {@code system}.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/PurchaseRequests"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "8")
})
@PermitAll
@RunAs(Roles.SYSTEM)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class PurchaseRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PurchaseRequestListener.class);

    @EJB
    private PurchaseAcceptance acceptance;

    @Inject
    private PurchaseMessaging messaging;

    @Override
    public void onMessage(Message message) {
        long orderId;
        String correlationId;
        try {
            if (!(message instanceof MapMessage request) || !request.itemExists("orderId")) {
                LOG.errorf("Purchase request %s (correlation %s) is not a map with an orderId; ignored",
                        message.getJMSMessageID(), message.getJMSCorrelationID());
                return;
            }
            orderId = request.getLong("orderId");
            correlationId = request.getJMSCorrelationID();
        } catch (JMSException | RuntimeException e) {
            LOG.errorf("Cannot read a purchase request: %s; an order it was about is asked for again within a minute", e.toString());
            return;
        }
        try {
            acceptance.accept(orderId, correlationId);
        } catch (RuntimeException e) {
            LOG.errorf("order=%d: acceptance failed (%s), correlation=%s; asked for again within a minute", orderId, e, correlationId);
            return;
        }
        messaging.acknowledge(orderId, correlationId);
    }
}
