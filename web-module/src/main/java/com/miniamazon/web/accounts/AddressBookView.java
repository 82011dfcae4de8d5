package com.miniamazon.web.accounts;

import com.miniamazon.accounts.AddressBookService;
import com.miniamazon.accounts.Destination;
import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.RequestRefusedException;
import com.miniamazon.web.support.Feedback;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs the address book page: the customer's saved destinations, add and delete. */
@Named
@ViewScoped
public class AddressBookView implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    private AddressBookService addressBook;

    private List<Destination> destinations;
    private String label;
    private Integer x;
    private Integer y;

    public void load() {
        destinations = addressBook.myDestinations();
    }

    public void add() {
        try {
            Destination saved = addressBook.add(label, x, y);
            Feedback.info("Saved", saved.label() + " (" + saved.x() + ", " + saved.y() + ") is in your address book.");
            label = null;
            x = null;
            y = null;
            load();
        } catch (RequestRefusedException refusal) {
            Feedback.refused(refusal, "destination");
        }
    }

    public void remove(Destination destination) {
        try {
            addressBook.remove(destination.id());
            Feedback.info("Deleted", destination.label() + " is no longer in your address book.");
        } catch (NotFoundException gone) {
            Feedback.warn("Already gone", destination.label() + " was deleted already.");
        }
        load();
    }

    public List<Destination> getDestinations() {
        return destinations;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
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
}
