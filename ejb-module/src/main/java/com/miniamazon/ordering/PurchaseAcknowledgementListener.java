package com.miniamazon.ordering;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import org.jboss.logging.Logger;

/**
 * Hears every purchase acknowledgement and wakes the checkout waiting for it ({@link AcknowledgementWaiters}).
 * An acknowledgement nobody waits for any more is simply consumed: the order's acceptance is in the database.
 *
 * <p>{@code @PermitAll}: the broker delivers without a caller identity, and WildFly denies methods that name no
 * permission; it only wakes threads of this server.
 */
@MessageDriven(activationConfig = {
    @ActivationConfigProperty(propertyName = "destinationLookup", propertyValue = "java:/jms/queue/PurchaseAcknowledgements"),
    @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue"),
    @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2")
})
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED) // nothing to roll back: a lost wake-up only ends a wait by its timeout
public class PurchaseAcknowledgementListener implements MessageListener {

    private static final Logger LOG = Logger.getLogger(PurchaseAcknowledgementListener.class);

    @Inject
    private AcknowledgementWaiters waiters;

    @Override
    public void onMessage(Message message) {
        try {
            String body = message instanceof TextMessage text ? text.getText() : null;
            if (body == null || !body.startsWith(PurchaseMessaging.ACCEPTED_PREFIX)) {
                LOG.errorf("Purchase acknowledgement %s (correlation %s) is not '%s<order id>'; ignored",
                        message.getJMSMessageID(), message.getJMSCorrelationID(), PurchaseMessaging.ACCEPTED_PREFIX);
                return;
            }
            waiters.answered(Long.parseLong(body.substring(PurchaseMessaging.ACCEPTED_PREFIX.length())));
        } catch (JMSException | NumberFormatException e) {
            LOG.errorf("Cannot read a purchase acknowledgement: %s; a checkout waiting for it reads the database when its wait ends", e.toString());
        }
    }
}
