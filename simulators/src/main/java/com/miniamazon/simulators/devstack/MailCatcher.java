package com.miniamazon.simulators.devstack;

import com.miniamazon.simulators.Lifetime;
import com.miniamazon.simulators.Options;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * The mail server of the run command's dev stack and of the docker compose stack: it accepts every email the shop
 * sends (the order emails), writes each to a file in its directory ({@code <time it started>-<n>.eml}, so a later
 * run adds to an earlier one's) and logs who it was for and its subject. It delivers nothing. Without it a
 * newcomer's first order logged an ERROR, because no mail server listened on port 25, and nobody could read the
 * emails the shop sends.
 *
 * <p>It speaks the part of SMTP (RFC 5321) that a mail client uses to hand a message over: HELO/EHLO, MAIL, RCPT,
 * DATA, RSET, NOOP and QUIT. It listens on the loopback interface unless told another address (a container's
 * catcher must be reachable from the shop's container). A message over {@link #MAX_MESSAGE_BYTES} is refused
 * with 552 and the rest of it is read and dropped.
 */
public final class MailCatcher implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(MailCatcher.class);
    static final int MAX_MESSAGE_BYTES = 1 << 20;
    /** The port the run command's stack, docker compose and the {@code mail-catcher} command use unless told otherwise. */
    public static final int DEFAULT_PORT = 2525;

    private final ServerSocket server;
    private final Path directory;
    private final AtomicLong received = new AtomicLong();
    private final String runPrefix = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").format(LocalDateTime.now());

    private MailCatcher(ServerSocket server, Path directory) {
        this.server = server;
        this.directory = directory;
    }

    /** Listens on 127.0.0.1:{@code port} (0: any free port) and keeps the emails in {@code directory}. */
    public static MailCatcher start(int port, Path directory) throws IOException {
        return start(InetAddress.getLoopbackAddress(), port, directory);
    }

    /** Listens on {@code bind}:{@code port}; a container binds all addresses so that the shop's container reaches it. */
    public static MailCatcher start(InetAddress bind, int port, Path directory) throws IOException {
        Files.createDirectories(directory);
        MailCatcher catcher = new MailCatcher(new ServerSocket(port, 50, bind), directory);
        Thread acceptor = new Thread(catcher::acceptAll, "mail-catcher");
        acceptor.setDaemon(true);
        acceptor.start();
        LOG.infof("Mail catcher listening on %s:%d; the shop's emails are kept in %s", bind.getHostAddress(), catcher.port(),
                directory);
        return catcher;
    }

    /**
     * {@code mail-catcher [--bind=127.0.0.1] [--port=2525] [--dir=mail]}: the catcher on its own until SIGINT/SIGTERM,
     * for a stack whose pieces run apart (docker compose); the run command starts it inside its dev stack.
     */
    public static int run(String[] args) throws Exception {
        Options o = Options.parse(args, 0, Set.of("bind", "port", "dir"));
        Lifetime lifetime = new Lifetime();
        MailCatcher catcher = lifetime.own(start(InetAddress.getByName(o.string("bind", "127.0.0.1")), o.integer("port", DEFAULT_PORT),
                Path.of(o.string("dir", "mail")).toAbsolutePath()));
        System.out.println("mail catcher ready: SMTP port " + catcher.port());
        System.out.flush();
        lifetime.awaitStop();
        return 0;
    }

    public int port() {
        return server.getLocalPort();
    }

    /** How many emails it has kept. */
    public long received() {
        return received.get();
    }

    private void acceptAll() {
        while (!server.isClosed()) {
            try {
                Socket client = server.accept();
                Thread session = new Thread(() -> converse(client), "mail-catcher-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                if (!server.isClosed()) {
                    LOG.warnf("Mail catcher: accepting a connection failed (%s); still listening", e.toString());
                }
            }
        }
    }

    private void converse(Socket client) {
        try (client;
                BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
                OutputStream out = client.getOutputStream()) {
            client.setSoTimeout(60_000);
            reply(out, "220 mini-amazon dev mail catcher");
            List<String> recipients = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "HELO", "EHLO" -> reply(out, "250 mini-amazon dev mail catcher");
                    case "MAIL" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "RCPT" -> {
                        recipients.add(address(line));
                        reply(out, "250 OK");
                    }
                    case "DATA" -> {
                        if (recipients.isEmpty()) {
                            reply(out, "503 RCPT first");
                        } else {
                            reply(out, "354 End data with <CR><LF>.<CR><LF>");
                            StringBuilder message = readMessage(in);
                            if (message == null) {
                                reply(out, "552 Message larger than " + MAX_MESSAGE_BYTES + " bytes; not kept");
                            } else {
                                keep(recipients, message);
                                reply(out, "250 OK: kept");
                            }
                            recipients.clear();
                        }
                    }
                    case "RSET" -> {
                        recipients.clear();
                        reply(out, "250 OK");
                    }
                    case "NOOP" -> reply(out, "250 OK");
                    case "QUIT" -> {
                        reply(out, "221 Bye");
                        return;
                    }
                    default -> reply(out, "502 Command not implemented");
                }
            }
        } catch (SocketException e) {
            LOG.debugf("Mail catcher: a client went away (%s)", e.toString());
        } catch (IOException e) {
            LOG.warnf("Mail catcher: a conversation failed (%s); the client may send again", e.toString());
        }
    }

    /** The message up to the line holding a single dot, leading dots unstuffed; null (read to its end) when too big. */
    private static StringBuilder readMessage(BufferedReader in) throws IOException {
        StringBuilder message = new StringBuilder();
        boolean tooBig = false;
        String line;
        while ((line = in.readLine()) != null && !line.equals(".")) {
            if (!tooBig) {
                message.append(line.startsWith(".") ? line.substring(1) : line).append("\r\n");
                tooBig = message.length() > MAX_MESSAGE_BYTES;
            }
        }
        return tooBig ? null : message;
    }

    private void keep(List<String> recipients, StringBuilder message) throws IOException {
        long n = received.incrementAndGet();
        Path file = directory.resolve(runPrefix + "-" + n + ".eml");
        Files.writeString(file, message, StandardCharsets.UTF_8);
        LOG.infof("Mail for %s: \"%s\" (%s)", String.join(", ", recipients), subjectOf(message), file);
    }

    /** The Subject header's value, looked for in the headers only: they end at the first empty line. */
    static String subjectOf(CharSequence message) {
        return message.toString().lines().takeWhile(line -> !line.isEmpty())
                .filter(line -> line.regionMatches(true, 0, "Subject:", 0, 8)).findFirst()
                .map(line -> line.substring(8).trim()).orElse("(no subject)");
    }

    private static String address(String rcptLine) {
        int open = rcptLine.indexOf('<');
        int close = rcptLine.indexOf('>', open + 1);
        return open >= 0 && close > open ? rcptLine.substring(open + 1, close) : rcptLine.substring(Math.min(rcptLine.length(), 8)).trim();
    }

    private static void reply(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
