package com.miniamazon.simulators;

import com.miniamazon.simulators.chaos.ChaosCommand;
import com.miniamazon.simulators.devstack.DevPostgres;
import com.miniamazon.simulators.devstack.DevStack;
import com.miniamazon.simulators.devstack.MailCatcher;
import com.miniamazon.simulators.devstack.ShopWatch;
import com.miniamazon.simulators.tool.WorldTool;
import com.miniamazon.simulators.ups.UpsCommand;
import com.miniamazon.simulators.world.WorldCommand;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** The one entry point of the simulators jar: {@code java -jar simulators.jar <command> [--options]}. */
public final class Main {

    /** A command of this jar: it runs, and returns the process exit code. */
    @FunctionalInterface
    interface Command {
        int run(String[] args) throws Exception;
    }

    private static final Map<String, Command> COMMANDS = new TreeMap<>(Map.ofEntries(
            Map.entry("postgres", DevPostgres::ensure),
            Map.entry("await-postgres", DevPostgres::await),
            Map.entry("watch-shop", ShopWatch::watch),
            Map.entry("stop", ShopWatch::stop),
            Map.entry("world", WorldCommand::run),
            Map.entry("ups", UpsCommand::run),
            Map.entry("tool", WorldTool::run),
            Map.entry("dev-stack", DevStack::run),
            Map.entry("await-dev-stack", DevStack::await),
            Map.entry("chaos-proxy", ChaosCommand::run),
            Map.entry("mail-catcher", MailCatcher::run)));

    private Main() {}

    public static void main(String[] args) throws Exception {
        // One line per log record, unless the user configured logging otherwise.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT.%1$tL %4$-7s [%3$s] %5$s%6$s%n");
        }
        if (args.length == 0 || !COMMANDS.containsKey(args[0])) {
            System.err.println("usage: java -jar simulators.jar <command> [--option=value ...]");
            System.err.println("commands: " + String.join(", ", COMMANDS.keySet()));
            System.exit(2);
        }
        int exit;
        try {
            exit = COMMANDS.get(args[0]).run(Arrays.copyOfRange(args, 1, args.length));
        } catch (IllegalArgumentException e) {
            System.err.println(args[0] + ": " + e.getMessage());
            exit = 2;
        }
        if (exit != 0) {
            System.exit(exit);
        }
    }
}
