package com.miniamazon.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The mailer's kept SMTP connections, against a small SMTP server on the loopback interface that counts what it sees. */
class SmtpConnectionsTest {

    private final SmtpServer server = new SmtpServer();
    private final Session session = session(server.port());
    private final SmtpConnections connections = new SmtpConnections(() -> session.getTransport("smtp"));

    @AfterEach
    void stop() throws IOException {
        connections.close();
        server.close();
    }

    @Test
    void emailsInARowShareOneConnection() throws MessagingException {
        for (int i = 1; i <= 3; i++) {
            connections.send(message("email " + i));
        }

        assertThat(server.subjects).containsExactly("email 1", "email 2", "email 3");
        assertThat(server.connections).hasValue(1);
        assertThat(connections.idleCount()).isEqualTo(1);
    }

    @Test
    void aConnectionTheServerDroppedIsReplacedWithoutLosingTheEmail() throws MessagingException, IOException {
        connections.send(message("before"));
        server.dropConnections();

        connections.send(message("after"));

        assertThat(server.subjects).containsExactly("before", "after");
        assertThat(server.connections).hasValue(2);
    }

    @Test
    void aRefusedMessageIsTheCallersAndItsConnectionServesTheNextEmail() throws MessagingException {
        connections.send(message("first"));
        MimeMessage refused = message("refused");
        refused.setRecipient(Message.RecipientType.TO, new InternetAddress(SmtpServer.REFUSED_RECIPIENT));
        refused.saveChanges();

        assertThatThrownBy(() -> connections.send(refused)).isInstanceOf(SendFailedException.class);
        connections.send(message("next"));

        assertThat(server.subjects).containsExactly("first", "next");
        assertThat(server.connections).hasValue(1);
    }

    @Test
    void withTheServerDownTheSendFailsAndNothingIsKept() throws IOException {
        server.close();

        assertThatThrownBy(() -> connections.send(message("lost"))).isInstanceOf(MessagingException.class);
        assertThat(connections.idleCount()).isZero();
    }

    @Test
    void aConnectionQuietForTooLongIsClosedAndTheNextEmailOpensANewOne() throws MessagingException {
        SmtpConnections shortLived = new SmtpConnections(() -> session.getTransport("smtp"), Duration.ofMillis(200));
        shortLived.send(message("early"));

        await().atMost(Duration.ofSeconds(5)).until(() -> {
            shortLived.closeQuietOnes();
            return shortLived.idleCount() == 0;
        });
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(server.quits).hasValue(1));
        shortLived.send(message("later"));

        assertThat(server.subjects).containsExactly("early", "later");
        assertThat(server.connections).hasValue(2);
        shortLived.close();
    }

    @Test
    void closingEndsTheKeptConnections() throws MessagingException {
        connections.send(message("one"));

        connections.close();

        assertThat(connections.idleCount()).isZero();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(server.quits).hasValue(1));
    }

    private MimeMessage message(String subject) throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("orders@mini-amazon.local"));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress("customer@example.test"));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setText("Your order.", StandardCharsets.UTF_8.name());
        message.saveChanges();
        return message;
    }

    private static Session session(int port) {
        Properties properties = new Properties();
        properties.setProperty("mail.smtp.host", "127.0.0.1");
        properties.setProperty("mail.smtp.port", Integer.toString(port));
        properties.setProperty("mail.smtp.connectiontimeout", "2000");
        properties.setProperty("mail.smtp.timeout", "2000");
        return Session.getInstance(properties);
    }

    /** Enough SMTP to take messages: it records each message's subject, the connections and the QUITs, and refuses one recipient. */
    private static final class SmtpServer implements AutoCloseable {
        /** A recipient this server refuses (550), as a real one refuses an unknown mailbox. */
        static final String REFUSED_RECIPIENT = "nobody@example.test";

        final List<String> subjects = new CopyOnWriteArrayList<>();
        final AtomicInteger connections = new AtomicInteger();
        final AtomicInteger quits = new AtomicInteger();
        private final List<Socket> open = new CopyOnWriteArrayList<>();
        private final ServerSocket listener;

        SmtpServer() {
            try {
                listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            daemon(this::accept);
        }

        int port() {
            return listener.getLocalPort();
        }

        private static void daemon(Runnable work) {
            Thread thread = new Thread(work, "smtp-test-server");
            thread.setDaemon(true);
            thread.start();
        }

        void dropConnections() throws IOException {
            for (Socket s : open) {
                s.close();
            }
        }

        @Override
        public void close() throws IOException {
            listener.close();
            dropConnections();
        }

        private void accept() {
            while (!listener.isClosed()) {
                try {
                    Socket socket = listener.accept();
                    connections.incrementAndGet();
                    open.add(socket);
                    daemon(() -> converse(socket));
                } catch (IOException closed) {
                    return;
                }
            }
        }

        private void converse(Socket socket) {
            try (socket;
                    BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
                    PrintWriter out = new PrintWriter(socket.getOutputStream(), true, StandardCharsets.US_ASCII)) {
                out.print("220 test\r\n");
                out.flush();
                for (String line; (line = in.readLine()) != null; ) {
                    String verb = line.length() < 4 ? line : line.substring(0, 4).toUpperCase();
                    if (verb.equals("DATA")) {
                        out.print("354 go on\r\n");
                        out.flush();
                        String subject = null;
                        for (String body; (body = in.readLine()) != null && !body.equals("."); ) {
                            if (subject == null && body.startsWith("Subject: ")) {
                                subject = body.substring("Subject: ".length());
                            }
                        }
                        subjects.add(subject);
                        out.print("250 kept\r\n");
                    } else if (verb.equals("RCPT") && line.contains(REFUSED_RECIPIENT)) {
                        out.print("550 no such mailbox\r\n");
                    } else if (verb.equals("QUIT")) {
                        quits.incrementAndGet();
                        out.print("221 bye\r\n");
                        out.flush();
                        return;
                    } else {
                        out.print("250 ok\r\n");
                    }
                    out.flush();
                }
            } catch (IOException dropped) {
                // the test closed it
            } finally {
                open.remove(socket);
            }
        }
    }
}
