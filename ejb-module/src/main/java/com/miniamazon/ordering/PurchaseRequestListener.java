package com.miniamazon.ordering;

import com.miniamazon.accounts.Roles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import org.jboss.logging.Logger;

/**
 * Receives purchase requests and hands each to {@link PurchaseAcceptance}. A failure rolls the delivery back so
 * the broker redelivers it (and dead-letters it after repeated failures): a request is never dropped.
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
public class PurchaseRequestListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PurchaseRequestListener.class);

    @EJB
    private PurchaseAcceptance acceptance;

    @Override
    public void onMessage(Message message) {
        try {
            if (!(message instanceof MapMessage request) || !request.itemExists("orderId")) {
                LOG.errorf("Purchase request %s is not a map with an orderId; dropped to the dead-letter queue", message.getJMSMessageID());
                throw new EJBException("malformed purchase request " + message.getJMSMessageID());
            }
            acceptance.accept(request.getLong("orderId"), request.getJMSCorrelationID());
        } catch (JMSException e) {
            LOG.error("Cannot read a purchase request; it will be redelivered", e);
            throw new EJBException(e);
        }
    }
}
