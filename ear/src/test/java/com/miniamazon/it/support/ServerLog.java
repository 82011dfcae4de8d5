package com.miniamazon.it.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The test server's log (standalone/log/server.log), as an operator reads it. */
public final class ServerLog {

    private ServerLog() {}

    /** Waits (bounded) for a line containing {@code text} and returns the first such line. */
    public static String awaitLine(String text, Duration atMost) {
        return await().atMost(atMost).pollInterval(Duration.ofMillis(500))
                .until(() -> lines().stream().filter(l -> l.contains(text)).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    /** How many lines contain {@code text} so far. */
    public static long count(String text) {
        return lines().stream().filter(l -> l.contains(text)).count();
    }

    private static List<String> lines() {
        Path log = TestEnvironment.wildflyHome().resolve("standalone/log/server.log");
        try {
            return Files.readAllLines(log, StandardCharsets.ISO_8859_1); // any byte reads; the searched text is ASCII
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }
}
