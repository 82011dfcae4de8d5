package com.miniamazon.web.api;

import com.miniamazon.inventory.GridPoint;
import com.miniamazon.ordering.CheckoutRejected;
import com.miniamazon.ordering.CheckoutService;
import com.miniamazon.ordering.DeliveryChangeService;
import com.miniamazon.ordering.OrderHistoryService;
import com.miniamazon.ordering.OrderNotFound;
import com.miniamazon.ordering.OrderReceipt;
import com.miniamazon.ordering.PlaceOrderCommand;
import com.miniamazon.ordering.PurchaseAcknowledgement;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Placing orders and following them, for the authenticated customer only. */
@Path("orders")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Orders")
@SecurityRequirement(name = "basic")
public class OrdersResource {

    @EJB
    private CheckoutService checkout;

    @EJB
    private OrderHistoryService orders;

    @EJB
    private DeliveryChangeService deliveryChanges;

    @Context
    private UriInfo uri;

    @POST
    @Operation(summary = "Place an order", description = "Waits up to 5 s for the backend's confirmation; "
            + "acknowledgement is CONFIRMED, or RECEIVED_PROCESSING when the order is recorded and still being confirmed.")
    @APIResponse(responseCode = "201", description = "Placed")
    @APIResponse(responseCode = "200", description = "Already placed with this idempotency key")
    @APIResponse(responseCode = "400", description = "The request is malformed or fails validation")
    @APIResponse(responseCode = "401", description = "No or wrong credentials")
    @APIResponse(responseCode = "422", description = "The order cannot be placed as it stands (e.g. a product no longer on sale)")
    @APIResponse(responseCode = "503", description = "The store was too busy to start the checkout; nothing was recorded. Send the same request again (Retry-After).")
    public Response place(@NotNull(message = "a JSON body is required") @Valid OrderRequests.PlaceOrder request)
            throws CheckoutRejected, OrderNotFound {
        PlaceOrderCommand command = new PlaceOrderCommand(request.idempotencyUuid(),
                request.items().stream().map(i -> new PlaceOrderCommand.Item(i.productId(), i.quantity())).toList(),
                new GridPoint(request.destination().x(), request.destination().y()), request.upsAccount());
        OrderReceipt receipt = checkout.placeOrder(command);
        PurchaseAcknowledgement acknowledgement = checkout.awaitAcknowledgement(receipt.orderId());
        Placed body = new Placed(receipt.orderId(), receipt.trackingNumber(), receipt.total(), acknowledgement,
                uri.getBaseUriBuilder().path("orders").path(Long.toString(receipt.orderId())).build().toString());
        return receipt.alreadyPlaced()
                ? Response.ok(body).build()
                : Response.created(java.net.URI.create(body.location())).entity(body).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One of your orders, with its timeline")
    @APIResponse(responseCode = "404", description = "No such order of yours")
    public OrderResponses.Order order(@PathParam("id") long id) {
        return OrderResponses.Order.of(orders.myOrder(id));
    }

    @GET
    @Operation(summary = "Your orders, newest first", description = "q matches an order number, a tracking number "
            + "or part of a product's name.")
    public List<OrderResponses.Row> orders(
            @QueryParam("q") @DefaultValue("") @Size(max = 100, message = "must be at most 100 characters") String search,
            @QueryParam("first") @DefaultValue("0") @Min(value = 0, message = "must be at least 0") int first,
            @QueryParam("max") @DefaultValue("20") @Min(value = 1, message = "must be at least 1")
                    @Max(value = 100, message = "must be at most 100") int max) {
        return orders.myOrders(search, first, max).stream().map(OrderResponses.Row::of).toList();
    }

    @PUT
    @Path("{id}/destination")
    @Operation(summary = "Ask UPS to deliver elsewhere", description = "Allowed until the order is out for delivery; "
            + "UPS's answer appears on the order's timeline.")
    @APIResponse(responseCode = "202", description = "Asked of UPS")
    @APIResponse(responseCode = "422", description = "Too late: the order is out for delivery or delivered")
    public Response changeDestination(@PathParam("id") long id,
            @NotNull(message = "a JSON body is required") @Valid OrderRequests.Destination destination)
            throws OrderNotFound, CheckoutRejected {
        deliveryChanges.requestDestinationChange(id, new GridPoint(destination.x(), destination.y()));
        return Response.accepted().build();
    }

    /** The answer to a placed order. */
    public record Placed(long orderId, Long trackingNumber, BigDecimal total, PurchaseAcknowledgement acknowledgement,
            String location) {}
}
