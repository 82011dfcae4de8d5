package com.miniamazon.fulfilment;

import com.miniamazon.accounts.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Whether a UPS user exists, as a customer linking one at checkout needs to know. Answers from UPS are kept
 * for ten minutes; otherwise UPS is asked (through the outbox like every command) and its answer awaited for a
 * bounded time.
 */
@Stateless
@RolesAllowed(Roles.CUSTOMER)
public class CarrierAccounts {

    private static final Logger LOG = Logger.getLogger(CarrierAccounts.class);
    private static final Duration FRESH_FOR = Duration.ofMinutes(10);

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    @Inject
    private UpsAccountQuestion question;

    /**
     * @return UPS's answer, or empty when UPS did not answer within {@code wait} (the caller decides whether to
     *     go on without it)
     * @throws IllegalArgumentException for a name UPS could not hold
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Optional<Boolean> exists(String upsAccount, Duration wait) throws InterruptedException {
        if (upsAccount == null || !upsAccount.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("not a UPS account name: " + upsAccount);
        }
        Instant asked = Instant.now();
        Optional<Boolean> known = answerSince(upsAccount, asked.minus(FRESH_FOR));
        if (known.isPresent()) {
            return known;
        }
        question.ask(upsAccount);
        Instant deadline = asked.plus(wait);
        while (Instant.now().isBefore(deadline)) {
            Thread.sleep(50); // UPS's answer lands in the database from the gateway's thread; nothing signals here
            known = answerSince(upsAccount, asked);
            if (known.isPresent()) {
                return known;
            }
        }
        LOG.infof("UPS did not say within %d ms whether account '%s' exists", wait.toMillis(), upsAccount);
        return Optional.empty();
    }

    private Optional<Boolean> answerSince(String upsAccount, Instant since) {
        List<?> rows = em.createNativeQuery("select known from ups_account where name = ?1 and checked_at >= ?2")
                .setParameter(1, upsAccount)
                .setParameter(2, since)
                .getResultList();
        return rows.isEmpty() ? Optional.empty() : Optional.of((Boolean) rows.get(0));
    }
}
