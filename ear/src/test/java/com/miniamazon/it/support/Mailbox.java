package com.miniamazon.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SMTP server the test WildFly sends mail to: GreenMail, started once in the test JVM on the port the build
 * reserved ({@code it.smtp.port}) and gave the server's mail session. Tests look for mail by recipient.
 */
public final class Mailbox {

    private static GreenMail server;

    private Mailbox() {}

    /** Starts the server on first use. */
    public static synchronized void start() {
        if (server == null) {
            int port = Integer.getInteger("it.smtp.port", 3025);
            server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "stop-greenmail"));
        }
    }

    /** Subjects of the mails received so far for this address. */
    public static List<String> subjectsFor(String address) {
        return fieldOf(address, MimeMessage::getSubject);
    }

    /** The From headers of the mails received so far for this address (null for a mail without one). */
    public static List<String> sendersFor(String address) {
        return fieldOf(address, message -> message.getFrom() == null ? null : message.getFrom()[0].toString());
    }

    private interface MailField {
        String of(MimeMessage message) throws MessagingException;
    }

    private static synchronized List<String> fieldOf(String address, MailField field) {
        start();
        List<String> values = new ArrayList<>();
        for (MimeMessage message : server.getReceivedMessages()) {
            try {
                if (message.getAllRecipients() != null && message.getAllRecipients()[0].toString().equals(address)) {
                    values.add(field.of(message));
                }
            } catch (MessagingException e) {
                throw new IllegalStateException("unreadable test mail", e);
            }
        }
        return values;
    }

    /** Waits (bounded) until a mail for the address has a subject containing the text, and returns the subject. */
    public static String awaitSubject(String address, String containing, Duration within) {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            for (String subject : subjectsFor(address)) {
                if (subject.contains(containing)) {
                    return subject;
                }
            }
            server.waitForIncomingEmail(500, server.getReceivedMessages().length + 1);
        }
        throw new AssertionError("no mail to " + address + " about '" + containing + "' within " + within
                + "; received: " + subjectsFor(address));
    }
}
