package com.miniamazon.simulators;

import com.miniamazon.simulators.devstack.DevPostgres;
import com.miniamazon.simulators.devstack.ShopWatch;
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

    private static final Map<String, Command> COMMANDS = new TreeMap<>(Map.of(
            "postgres", DevPostgres::ensure,
            "await-postgres", DevPostgres::await,
            "watch-shop", ShopWatch::watch,
            "stop", ShopWatch::stop));

    private Main() {}

    public static void main(String[] args) throws Exception {
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
