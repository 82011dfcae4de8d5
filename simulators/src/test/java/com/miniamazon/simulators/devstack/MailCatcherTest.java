package com.miniamazon.simulators.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The run command's mail catcher, spoken to over SMTP as a mail client would. */
class MailCatcherTest {

    @TempDir
    Path mailDir;

    private MailCatcher catcher;
    private Socket socket;
    private BufferedReader in;
    private OutputStream out;

    @BeforeEach
    void connect() throws Exception {
        catcher = MailCatcher.start(0, mailDir);
        socket = new Socket(InetAddress.getLoopbackAddress(), catcher.port());
        socket.setSoTimeout(5_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII));
        out = socket.getOutputStream();
        assertThat(in.readLine()).startsWith("220 ");
    }

    @AfterEach
    void close() throws Exception {
        socket.close();
        catcher.close();
    }

    @Test
    void anEmailHandedOverIsKeptInAFileWithItsDotsUnstuffed() throws Exception {
        assertThat(say("EHLO shop")).startsWith("250");
        assertThat(say("MAIL FROM:<orders@mini-amazon.local>")).startsWith("250");
        assertThat(say("RCPT TO:<ada@example.test>")).startsWith("250");
        assertThat(say("DATA")).startsWith("354");
        send("Subject: Your order 7 is on its way\r\n\r\nHello Ada,\r\n..a line that began with a dot\r\n");
        assertThat(say(".")).startsWith("250");
        assertThat(say("QUIT")).startsWith("221");

        assertThat(catcher.received()).isEqualTo(1);
        List<Path> files;
        try (var listing = Files.list(mailDir)) {
            files = listing.toList();
        }
        assertThat(files).singleElement().satisfies(f -> assertThat(f.getFileName().toString()).endsWith("-1.eml"));
        String kept = Files.readString(files.get(0));
        assertThat(kept).contains("Subject: Your order 7 is on its way").contains("\r\n.a line that began with a dot\r\n");
    }

    @Test
    void aMessageTooBigIsRefusedAndNotKeptAndTheSessionGoesOn() throws Exception {
        say("HELO shop");
        say("MAIL FROM:<orders@mini-amazon.local>");
        say("RCPT TO:<ada@example.test>");
        say("DATA");
        String line = "x".repeat(1000) + "\r\n";
        for (int i = 0; i <= MailCatcher.MAX_MESSAGE_BYTES / line.length(); i++) {
            send(line);
        }
        assertThat(say(".")).startsWith("552");
        assertThat(catcher.received()).isZero();
        assertThat(say("NOOP")).startsWith("250");
    }

    @Test
    void dataBeforeARecipientAndUnknownCommandsAreRefused() throws Exception {
        assertThat(say("DATA")).startsWith("503");
        assertThat(say("VRFY ada")).startsWith("502");
        assertThat(catcher.received()).isZero();
    }

    @Test
    void theSubjectLoggedIsTheHeadersNotABodyLineThatLooksLikeOne() {
        assertThat(MailCatcher.subjectOf("To: ada@example.test\r\nsubject:  Your order 7 has shipped \r\n\r\nHello\r\n"))
                .isEqualTo("Your order 7 has shipped");
        assertThat(MailCatcher.subjectOf("To: ada@example.test\r\n\r\nSubject: not a header\r\n")).isEqualTo("(no subject)");
    }

    private String say(String command) throws Exception {
        send(command + "\r\n");
        return in.readLine();
    }

    private void send(String text) throws Exception {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }
}
