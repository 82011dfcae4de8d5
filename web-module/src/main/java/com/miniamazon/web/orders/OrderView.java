package com.miniamazon.web.orders;

import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.inventory.GridPoint;
import com.miniamazon.ordering.CheckoutRejected;
import com.miniamazon.ordering.DeliveryChangeService;
import com.miniamazon.ordering.OrderDetail;
import com.miniamazon.ordering.OrderHistoryService;
import com.miniamazon.ordering.OrderNotFound;
import com.miniamazon.web.support.Feedback;
import com.miniamazon.web.support.ProductIds;
import jakarta.faces.context.FacesContext;
import org.primefaces.PrimeFaces;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;

/**
 * Backs the order page: the order, its live timeline (the page polls while the order is not finished), the
 * grid picture, and the change of destination while UPS still allows it. Another customer's order id answers
 * 404, like an unknown one.
 */
@Named
@ViewScoped
public class OrderView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private OrderHistoryService history;

    @Inject
    private DeliveryChangeService deliveryChanges;

    private String idParameter;
    private long id;
    private OrderDetail order;
    private GridPicture picture;
    private Integer newX;
    private Integer newY;

    public void load() {
        id = ProductIds.parse(idParameter);
        refresh();
    }

    /**
     * Reads the order again (the poll calls this). The destination form is re-drawn only when the order stops
     * (or starts) accepting changes, so the poll never wipes what the customer is typing.
     */
    public void refresh() {
        Boolean wasChangeable = order == null ? null : order.destinationChangeable();
        order = history.myOrder(id);
        picture = new GridPicture(order);
        if (wasChangeable != null && wasChangeable != order.destinationChangeable()
                && FacesContext.getCurrentInstance().getPartialViewContext().isAjaxRequest()) {
            PrimeFaces.current().ajax().update("destination");
        }
    }

    public void changeDestination() {
        try {
            deliveryChanges.requestDestinationChange(id, new GridPoint(newX, newY));
            Feedback.info("Change requested", "UPS is asked to deliver to (" + newX + ", " + newY + ").");
            newX = null;
            newY = null;
        } catch (CheckoutRejected refused) {
            Feedback.fieldError("destination:newX", refused.getMessage());
            Feedback.error("Destination not changed", refused.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        } catch (OrderNotFound gone) {
            throw new NotFoundException(gone.getMessage());
        }
        refresh();
    }

    public OrderDetail getOrder() {
        return order;
    }

    public GridPicture getPicture() {
        return picture;
    }

    public String getIdParameter() {
        return idParameter;
    }

    public void setIdParameter(String idParameter) {
        this.idParameter = idParameter;
    }

    public Integer getNewX() {
        return newX;
    }

    public void setNewX(Integer newX) {
        this.newX = newX;
    }

    public Integer getNewY() {
        return newY;
    }

    public void setNewY(Integer newY) {
        this.newY = newY;
    }
}
