package com.miniamazon.it.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docker-compose.yml stays in step with the deployer's script: the four services with health checks, the shop's
 * ports, and only settings that configure.cli knows. Where a Compose client is installed it must also accept
 * the file (the machine that runs the tests has no Docker engine to start it).
 */
class DockerComposeIT {

    private static final Path ROOT = Path.of(System.getProperty("project.root", ".."));
    private static final Path COMPOSE = ROOT.resolve("docker-compose.yml");

    @Test
    void theStackHasItsFiveServicesWithHealthChecksAndTheShopsPorts() throws Exception {
        JsonNode services = new ObjectMapper(new YAMLFactory()).readTree(COMPOSE.toFile()).get("services");

        List<String> names = new ArrayList<>();
        services.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrder("postgres", "world", "ups", "mail", "shop");
        for (String name : List.of("postgres", "world", "ups", "mail")) {
            assertThat(services.get(name).has("healthcheck")).as(name + " has a health check").isTrue();
        }
        assertThat(services.at("/shop/ports").toString()).contains("8080:8080", "9990:9990");
        assertThat(services.at("/shop/depends_on/world/condition").asText()).isEqualTo("service_healthy");
        assertThat(services.at("/shop/depends_on/mail/condition").asText()).isEqualTo("service_healthy");
        assertThat(services.at("/ups/command").toString()).contains("--world-host=world");
        assertThat(services.at("/mail/command").toString()).contains("mail-catcher", "--bind=0.0.0.0");
        assertThat(services.at("/shop/environment/MINIAMAZON_SMTP_HOST").asText()).contains("mail");
    }

    @Test
    void everySettingTheComposeFileGivesTheShopIsOneTheConfigureScriptReads() throws Exception {
        String compose = Files.readString(COMPOSE);
        String configure = Files.readString(ROOT.resolve("wildfly-config/configure.cli"));
        Set<String> fromScript = names(configure, "env\\.(MINIAMAZON_[A-Z_]+)");
        JsonNode environment = new ObjectMapper(new YAMLFactory()).readTree(compose).at("/services/shop/environment");
        Set<String> given = new TreeSet<>();
        environment.fieldNames().forEachRemaining(given::add);

        assertThat(given).isNotEmpty();
        assertThat(fromScript).containsAll(given);
    }

    @Test
    void aComposeClientAcceptsTheFile() throws Exception {
        List<String> client = composeClient();
        assumeTrue(client != null, "no docker compose client installed");
        List<String> command = new ArrayList<>(client);
        command.addAll(List.of("-f", COMPOSE.toString(), "config"));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("MINIAMAZON_ADMIN_PASSWORD", "rendered-only");
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(output).contains("postgres:", "world:", "ups:", "shop:", "8080");
    }

    private static List<String> composeClient() throws Exception {
        for (List<String> candidate : List.of(List.of("docker", "compose"), List.of("docker-compose"))) {
            try {
                List<String> version = new ArrayList<>(candidate);
                version.add("version");
                Process p = new ProcessBuilder(version).redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0) {
                    return candidate;
                }
            } catch (java.io.IOException notInstalled) {
                // try the next client
            }
        }
        return null;
    }

    private static Set<String> names(String text, String regex) {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile(regex).matcher(text);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }
}
