package com.miniamazon.web.orders;

import com.miniamazon.accounts.AddressBookService;
import com.miniamazon.accounts.Destination;
import com.miniamazon.cart.CartItem;
import com.miniamazon.cart.CartView;
import com.miniamazon.fulfilment.CarrierAccounts;
import com.miniamazon.inventory.GridPoint;
import com.miniamazon.ordering.CheckoutRejected;
import com.miniamazon.ordering.CheckoutService;
import com.miniamazon.ordering.OrderNotFound;
import com.miniamazon.ordering.OrderReceipt;
import com.miniamazon.ordering.PlaceOrderCommand;
import com.miniamazon.ordering.PurchaseAcknowledgement;
import com.miniamazon.web.cart.ShoppingCart;
import com.miniamazon.web.support.Feedback;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Backs checkout: the cart, the destination (typed or from the address book), an optional UPS account checked
 * with UPS, then the order and the backend's acknowledgement (confirmed, or "received, processing" after the
 * wait). One idempotency key per checkout page, so a double click or a resubmission never orders twice.
 */
@Named
@ViewScoped
public class CheckoutView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(CheckoutView.class);
    private static final Duration UPS_ANSWER_WAIT = Duration.ofSeconds(3);

    @Inject
    private CheckoutService checkout;

    @Inject
    private CarrierAccounts carrierAccounts;

    @Inject
    private AddressBookService addressBook;

    @Inject
    private ShoppingCart cart;

    private final UUID idempotencyKey = UUID.randomUUID();
    private List<Destination> savedDestinations;
    private Long savedDestinationId;
    private Integer x;
    private Integer y;
    private String upsAccount;

    private OrderReceipt receipt;
    private PurchaseAcknowledgement acknowledgement;

    public void load() {
        savedDestinations = addressBook.myDestinations();
        if (!savedDestinations.isEmpty() && x == null) {
            useDestination(savedDestinations.get(0));
        }
    }

    /** Fills the coordinates from a saved destination (the address book select). */
    public void applySavedDestination() {
        savedDestinations.stream().filter(d -> d.id() == (savedDestinationId == null ? -1 : savedDestinationId))
                .findFirst().ifPresent(this::useDestination);
    }

    private void useDestination(Destination destination) {
        savedDestinationId = destination.id();
        x = destination.x();
        y = destination.y();
    }

    /** Places the order and waits (at most about five seconds) for the backend to acknowledge it. */
    public void placeOrder() {
        if (receipt != null) {
            return; // already placed from this page; the idempotency key would find the same order anyway
        }
        CartView items = cart.getView();
        if (items.items().stream().noneMatch(CartItem::onSale)) {
            Feedback.error("Nothing to order", "Your cart is empty.");
            return;
        }
        String account = upsAccount == null || upsAccount.isBlank() ? null : upsAccount.strip();
        if (account != null && !upsAccountAccepted(account)) {
            return;
        }
        List<PlaceOrderCommand.Item> lines = items.items().stream().filter(CartItem::onSale)
                .map(i -> new PlaceOrderCommand.Item(i.productId(), i.quantity())).toList();
        try {
            receipt = checkout.placeOrder(new PlaceOrderCommand(idempotencyKey, lines, new GridPoint(x, y), account));
            acknowledgement = checkout.awaitAcknowledgement(receipt.orderId());
            cart.clear();
        } catch (CheckoutRejected rejected) {
            Feedback.error("Order not placed", rejected.getMessage());
            FacesContext.getCurrentInstance().validationFailed();
        } catch (OrderNotFound impossible) {
            // The order was placed by this caller a moment ago; not finding it is a fault, not a user error.
            throw new IllegalStateException("order " + receipt.orderId() + " vanished after checkout", impossible);
        }
    }

    private boolean upsAccountAccepted(String account) {
        try {
            Optional<Boolean> exists = carrierAccounts.exists(account, UPS_ANSWER_WAIT);
            if (exists.isPresent() && !exists.get()) {
                Feedback.fieldError("checkout:upsAccount", "UPS has no account called " + account + ".");
                FacesContext.getCurrentInstance().validationFailed();
                return false;
            }
            if (exists.isEmpty()) {
                Feedback.warn("UPS did not answer", "Your order links " + account + " all the same.");
            }
            return true;
        } catch (IllegalArgumentException badName) {
            Feedback.fieldError("checkout:upsAccount",
                    "A UPS account has 1 to 64 letters, digits, dots, dashes or underscores.");
            FacesContext.getCurrentInstance().validationFailed();
            return false;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            LOG.warnf("Interrupted while asking UPS about account %s", account);
            Feedback.error("Please try again", "We could not check the UPS account.");
            return false;
        }
    }

    public boolean isPlaced() {
        return receipt != null;
    }

    public boolean isConfirmed() {
        return acknowledgement == PurchaseAcknowledgement.CONFIRMED;
    }

    public OrderReceipt getReceipt() {
        return receipt;
    }

    public List<Destination> getSavedDestinations() {
        return savedDestinations;
    }

    public Long getSavedDestinationId() {
        return savedDestinationId;
    }

    public void setSavedDestinationId(Long savedDestinationId) {
        this.savedDestinationId = savedDestinationId;
    }

    public Integer getX() {
        return x;
    }

    public void setX(Integer x) {
        this.x = x;
    }

    public Integer getY() {
        return y;
    }

    public void setY(Integer y) {
        this.y = y;
    }

    public String getUpsAccount() {
        return upsAccount;
    }

    public void setUpsAccount(String upsAccount) {
        this.upsAccount = upsAccount;
    }
}
