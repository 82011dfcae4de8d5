package com.miniamazon.it.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where the system under test is, as the build passes it in system properties (see ear/pom.xml). */
public final class TestEnvironment {

    private TestEnvironment() {}

    /** Base URL of the deployed shop, ending with a slash. */
    public static String shopUrl() {
        return System.getProperty("shop.url", "http://127.0.0.1:8080/");
    }

    public static String databaseName() {
        return System.getProperty("shop.db.name", "miniamazon");
    }

    public static String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:5432/" + database;
    }

    public static Path wildflyHome() {
        return Path.of(System.getProperty("wildfly.home", "target/wildfly"));
    }

    public static int managementPort() {
        return Integer.getInteger("wildfly.port", 9990);
    }

    /** The administrator's password, as the build configured the test server with it. */
    public static String adminPassword() {
        return System.getProperty("shop.admin.password", "it-admin-Passw0rd");
    }

    /** The default seller's password, as the build configured the test server with it. */
    public static String defaultSellerPassword() {
        return System.getProperty("shop.seller.password", "it-seller-Passw0rd");
    }

    /** Screenshots and other files a person looks at after a run; kept under target/artefacts. */
    public static Path artefactsDir() {
        Path dir = Path.of(System.getProperty("artefacts.dir", "target/artefacts"));
        try {
            Files.createDirectories(dir);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot create " + dir, e);
        }
        return dir;
    }
}
