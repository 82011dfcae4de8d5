package com.miniamazon.ordering;

import com.miniamazon.accounts.GridCoordinates;
import com.miniamazon.accounts.Roles;
import com.miniamazon.inventory.GridPoint;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * A customer moves the delivery of an order elsewhere. UPS decides: the change is asked of it, and its answer
 * (accepted, or refused once the truck is out) appears on the order's timeline.
 */
@Stateless
@RolesAllowed(Roles.CUSTOMER)
@RunAs(Roles.SYSTEM)
public class DeliveryChangeService {

    private static final Logger LOG = Logger.getLogger(DeliveryChangeService.class);

    @Resource
    private SessionContext session;

    @Inject
    private CustomerDirectory customers;

    @Inject
    private Event<DestinationChangeRequested> changeRequested;

    /**
     * Asks UPS to deliver the caller's order to {@code destination}. Only one change is pending at a time; a new
     * request replaces the pending one.
     *
     * @throws OrderNotFound    when the order is not the caller's
     * @throws CheckoutRejected when the order is already out for delivery or finished, or the coordinates are
     *                          out of range
     */
    public void requestDestinationChange(long orderId, GridPoint destination) throws OrderNotFound, CheckoutRejected {
        CustomerOrder order = customers.ownOrder(session.getCallerPrincipal(), orderId);
        if (Math.abs((long) destination.x()) > GridCoordinates.LIMIT
                || Math.abs((long) destination.y()) > GridCoordinates.LIMIT) {
            throw new CheckoutRejected("Coordinates must lie between -" + GridCoordinates.LIMIT + " and "
                    + GridCoordinates.LIMIT + ".");
        }
        if (!order.acceptsDestinationChange()) {
            throw new CheckoutRejected("This order is " + order.getStatus().label().toLowerCase()
                    + "; its destination can no longer change.");
        }
        order.requestDestination(destination);
        order.recordEvent("Asked UPS to deliver to " + destination + " instead", Instant.now());
        changeRequested.fire(new DestinationChangeRequested(orderId, destination));
        LOG.infof("order=%d destination change to %s requested", orderId, destination);
    }
}
