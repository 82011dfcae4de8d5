package com.miniamazon.simulators;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.simulators.support.AmazonWorldClient;
import com.miniamazon.simulators.support.TestDatabase;
import com.miniamazon.simulators.support.UpsAmazonClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Each simulator as its own process, as the store's integration tests run them: ready line, then SIGTERM. */
class ProcessLifecycleTest {

    static Process start(Path log, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectError(log.toFile()).start();
    }

    /** Reads standard output until a line matches; the process must print it within the read timeout of the test. */
    static Matcher awaitLine(BufferedReader out, Pattern pattern) throws Exception {
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = pattern.matcher(line);
            if (m.find()) {
                return m;
            }
        }
        throw new AssertionError("process ended without printing " + pattern);
    }

    @Test
    void worldAndUpsRunAsProcessesAndStopCleanlyOnSigterm() throws Exception {
        try (TestDatabase worldDb = TestDatabase.create("simtest"); TestDatabase upsDb = TestDatabase.create("upstest")) {
            Path dir = Path.of("target");
            Process world = start(dir.resolve("process-world.log"), "world", "--amazon-port=0", "--ups-port=0",
                    "--simspeed=10000", "--db-url=" + worldDb.url());
            Process ups = null;
            try {
                BufferedReader worldOut = new BufferedReader(new InputStreamReader(world.getInputStream(), StandardCharsets.UTF_8));
                Matcher ready = awaitLine(worldOut, Pattern.compile("world simulator ready: amazon port (\\d+), ups port (\\d+)"));
                int amazonPort = Integer.parseInt(ready.group(1));
                int upsPort = Integer.parseInt(ready.group(2));
                ups = start(dir.resolve("process-ups.log"), "ups", "--port=0", "--world-port=" + upsPort, "--trucks=2",
                        "--db-url=" + upsDb.url());
                BufferedReader upsOut = new BufferedReader(new InputStreamReader(ups.getInputStream(), StandardCharsets.UTF_8));
                int upsAmazonPort = Integer.parseInt(awaitLine(upsOut, Pattern.compile("ups simulator ready: amazon port (\\d+)")).group(1));

                UpsAmazonClient toUps = UpsAmazonClient.connect(upsAmazonPort, true, 1);
                long worldId = toUps.awaitWorldId();
                AmazonWorldClient toWorld = AmazonWorldClient.connect(amazonPort, worldId, new int[] {1, 5, 5});
                assertThat(toWorld.connected.getResult()).isEqualTo("connected!");
                toWorld.close();
                toUps.close();

                // SIGTERM through the handle: Process.destroy() would also close our end of its output.
                ups.toHandle().destroy();
                awaitLine(upsOut, Pattern.compile("^stopped cleanly$"));
                assertThat(ups.waitFor(30, TimeUnit.SECONDS)).isTrue();
                world.toHandle().destroy();
                awaitLine(worldOut, Pattern.compile("^stopped cleanly$"));
                assertThat(world.waitFor(30, TimeUnit.SECONDS)).isTrue();
            } finally {
                world.destroyForcibly();
                if (ups != null) {
                    ups.destroyForcibly();
                }
            }
        }
    }

    @Test
    void theMailCatcherRunsAsItsOwnProcessKeepsAnEmailAndStopsCleanly() throws Exception {
        Path mailDir = Files.createTempDirectory(Path.of("target"), "mail-process");
        Process mail = start(Path.of("target", "process-mail.log"), "mail-catcher", "--bind=0.0.0.0", "--port=0",
                "--dir=" + mailDir);
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(mail.getInputStream(), StandardCharsets.UTF_8));
            int port = Integer.parseInt(awaitLine(out, Pattern.compile("mail catcher ready: SMTP port (\\d+)")).group(1));
            try (Socket smtp = new Socket("127.0.0.1", port)) {
                BufferedReader in = new BufferedReader(new InputStreamReader(smtp.getInputStream(), StandardCharsets.US_ASCII));
                OutputStream to = smtp.getOutputStream();
                assertThat(in.readLine()).startsWith("220");
                for (String line : List.of("HELO shop", "MAIL FROM:<orders@mini-amazon.local>", "RCPT TO:<ada@example.test>",
                        "DATA", "Subject: Your order 7 has shipped\r\n\r\nHello Ada\r\n.", "QUIT")) {
                    to.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    to.flush();
                    assertThat(in.readLine()).doesNotStartWith("5");
                }
            }
            try (var kept = Files.list(mailDir)) {
                assertThat(kept.toList()).singleElement()
                        .satisfies(f -> assertThat(Files.readString(f)).contains("Subject: Your order 7 has shipped"));
            }
            mail.toHandle().destroy();
            awaitLine(out, Pattern.compile("^stopped cleanly$"));
            assertThat(mail.waitFor(30, TimeUnit.SECONDS)).isTrue();
        } finally {
            mail.destroyForcibly();
        }
    }
}
