package com.miniamazon.accounts;

import com.miniamazon.infrastructure.NotFoundException;
import com.miniamazon.infrastructure.RequestRefusedException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The logged-in customer's saved delivery destinations. Every method works on the caller's own entries only:
 * an id of someone else's entry answers {@link NotFoundException}, as an unknown id does. Each call is one
 * transaction.
 */
@Stateless
@RolesAllowed(Roles.CUSTOMER)
public class AddressBookService {

    private static final Logger LOG = Logger.getLogger(AddressBookService.class);

    /** Enough for anyone's homes and offices; a bound so that a script cannot fill the table. */
    public static final int MAX_ENTRIES = 20;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private AccountRepository accounts;

    @Resource
    private SessionContext session;

    /** The caller's destinations, by name. */
    public List<Destination> myDestinations() {
        return em.createQuery("select d from SavedDestination d where d.accountId = :account order by d.label",
                        SavedDestination.class)
                .setParameter("account", callerId())
                .getResultStream()
                .map(Destination::of)
                .toList();
    }

    /**
     * Saves a destination under a name unique in the caller's book.
     *
     * @throws RequestRefusedException for a blank, long or taken name ({@code label}), a bad coordinate
     *     ({@code x}, {@code y}) or a full book
     */
    public Destination add(String label, Integer x, Integer y) {
        long account = callerId();
        String name = label == null ? "" : label.strip();
        if (name.isEmpty() || name.length() > 60) {
            throw new RequestRefusedException("label", "Enter a name of 1 to 60 characters, such as Home.");
        }
        GridCoordinates.problemWith(x).ifPresent(problem -> {
            throw new RequestRefusedException("x", problem);
        });
        GridCoordinates.problemWith(y).ifPresent(problem -> {
            throw new RequestRefusedException("y", problem);
        });
        List<Destination> existing = myDestinations();
        if (existing.stream().anyMatch(d -> d.label().equalsIgnoreCase(name))) {
            throw new RequestRefusedException("label", "You have a destination called " + name + " already.");
        }
        if (existing.size() >= MAX_ENTRIES) {
            throw new RequestRefusedException("Your address book is full (" + MAX_ENTRIES + " destinations).");
        }
        SavedDestination saved = new SavedDestination(account, name, x, y);
        em.persist(saved);
        LOG.debugf("Account %d saved destination %d", account, saved.getId());
        return Destination.of(saved);
    }

    /**
     * Deletes one of the caller's destinations.
     *
     * @throws NotFoundException when the id is not one of the caller's destinations
     */
    public void remove(long destinationId) {
        SavedDestination saved = em.find(SavedDestination.class, destinationId);
        if (saved == null || !saved.getAccountId().equals(callerId())) {
            throw new NotFoundException("no destination " + destinationId + " in the caller's book");
        }
        em.remove(saved);
    }

    private long callerId() {
        return accounts.caller(session.getCallerPrincipal()).getId();
    }
}
