package com.miniamazon.notification;

import com.miniamazon.ordering.OrderStatus;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Asynchronous;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.NoSuchProviderException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends a customer the email about their order's new state, through the mail session wildfly-config sets up
 * ({@code java:jboss/mail/MiniAmazon}). Asynchronous, so the fulfilment transaction that changed the state never
 * waits for a mail server. Best effort: a failure is logged with the order and not retried (the order page
 * always shows the truth).
 *
 * <p>One instance, called concurrently (a mail {@link Session} is safe to share): as a stateless bean, which
 * WildFly does not pool unless configured to, every email built a new instance, and looking the mail session
 * up for it created a new {@code Session} that read the providers' files from the jars: 28 % of the samples of
 * WildFly's CPU while bench/fulfilment's backlog was delivered.
 *
 * <p>The message is built and sent with the mail provider's class loader as the thread's context class loader.
 * Jakarta Mail 2.1 looks its stream provider up with a {@code ServiceLoader} over the context class loader every
 * time a message is written; with the application's loader as context, that walks the resources of every module
 * the deployment depends on, and took half the CPU of each email (JFR under bench/fulfilment). The provider's own
 * loader holds that one service file and the provider's mailcap.
 *
 * <p>Connections to the mail server are kept open and reused ({@link SmtpConnections}): a connection per email
 * cost a TCP handshake, a greeting, EHLO and QUIT on both sides for every message, with two emails an order.
 *
 * <p>{@code @PermitAll}: its only callers are the store's own event observers, and it writes only to the email
 * address of the order's own customer.
 */
@Singleton
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@PermitAll
public class OrderMailer {

    private static final Logger LOG = Logger.getLogger(OrderMailer.class);
    private static final long FAILURE_REPORT_INTERVAL_NANOS = TimeUnit.MINUTES.toNanos(1);

    /** When a failure was last logged as an error (System.nanoTime), 0 before the first. */
    private final AtomicLong lastFailureReport = new AtomicLong();
    /** Failures since then, reported with the next error or with the next email that goes out. */
    private final AtomicLong failedSinceReport = new AtomicLong();

    @Resource(lookup = "java:jboss/mail/MiniAmazon")
    private Session mail;

    @PersistenceContext(unitName = "shop")
    private EntityManager em;

    /** Connections to the mail server kept open between emails (see {@link SmtpConnections}). */
    private SmtpConnections connections;

    /** The SMTP provider's class loader (see the class comment); the caller's own when it cannot be found. */
    private ClassLoader providerLoader;

    @Inject
    @ConfigProperty(name = "miniamazon.shop.url", defaultValue = "http://127.0.0.1:8080/")
    private String shopUrl;

    @PostConstruct
    void start() {
        connections = new SmtpConnections(mail::getTransport);
        try {
            providerLoader = mail.getTransport().getClass().getClassLoader();
        } catch (NoSuchProviderException | RuntimeException e) {
            LOG.warnf("The mail session has no SMTP provider (%s); emails will be built with the application's class loader", e.toString());
        }
    }

    /** Sends the email for an order that entered {@code status}, if that state is announced. */
    @Asynchronous
    public void announce(long orderId, OrderStatus status) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select a.email, a.display_name, o.destination_x, o.destination_y,
                               (select min(s.id) from shipment s where s.order_id = o.id)
                        from customer_order o join account a on a.id = o.customer_id where o.id = :order""")
                .setParameter("order", orderId)
                .getResultList();
        if (rows.isEmpty()) {
            LOG.warnf("order=%d: no such order, no %s email sent", orderId, status);
            return;
        }
        Object[] row = rows.get(0);
        String to = (String) row[0];
        Optional<OrderEmail> email = OrderEmail.about(status, orderId,
                row[4] == null ? null : ((Number) row[4]).longValue(), (String) row[1],
                ((Number) row[2]).intValue(), ((Number) row[3]).intValue(), shopUrl);
        if (email.isEmpty()) {
            return;
        }
        try {
            send(to, email.get());
            long failedBefore = failedSinceReport.getAndSet(0);
            if (failedBefore > 0) {
                LOG.infof("Order emails are being sent again; %d more could not be sent since the last report",
                        failedBefore);
            }
            LOG.infof("order=%d: %s email sent", orderId, status);
        } catch (MessagingException e) {
            // With the mail server down every order's emails fail: an ERROR line each buried the log (two per
            // order under bench/fulfilment; a stack trace each, before, two hundred lines an order). The first
            // failure and then one a minute are errors, with how many failed in between; each one is at DEBUG,
            // with its order and trace.
            long now = System.nanoTime();
            long reported = lastFailureReport.get();
            boolean due = reported == 0 || now - reported >= FAILURE_REPORT_INTERVAL_NANOS;
            if (due && lastFailureReport.compareAndSet(reported, now)) {
                long failedBefore = failedSinceReport.getAndSet(0);
                LOG.errorf("order=%d: the %s email could not be sent (%s); the order page still shows the state%s",
                        orderId, status, e.getMessage(), failedBefore == 0 ? ""
                                : "; " + failedBefore + " more order emails could not be sent since the last report");
            } else {
                failedSinceReport.incrementAndGet();
            }
            LOG.debugf(e, "order=%d: the %s email could not be sent", orderId, status);
        }
    }

    /** Builds and sends one email with the provider's class loader as the context class loader (see the class comment). */
    private void send(String to, OrderEmail email) throws MessagingException {
        Thread thread = Thread.currentThread();
        ClassLoader callerLoader = thread.getContextClassLoader();
        if (providerLoader != null) {
            thread.setContextClassLoader(providerLoader);
        }
        try {
            MimeMessage message = new MimeMessage(mail);
            message.setFrom(); // the mail session's sender (MINIAMAZON_MAIL_FROM); without it the mail had no From header
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
            message.setSubject(email.subject(), StandardCharsets.UTF_8.name());
            message.setText(email.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(Date.from(Instant.now()));
            message.saveChanges();
            connections.send(message);
        } finally {
            thread.setContextClassLoader(callerLoader);
        }
    }

    /** Closes kept connections that no email used for a while (see {@link SmtpConnections#closeQuietOnes()}). */
    @Schedule(hour = "*", minute = "*", second = "*/15", persistent = false, info = "quiet SMTP connections")
    void closeQuietConnections() {
        connections.closeQuietOnes();
    }

    @PreDestroy
    void closeConnections() {
        connections.close();
    }
}
