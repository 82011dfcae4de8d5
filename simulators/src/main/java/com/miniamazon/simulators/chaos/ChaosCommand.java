package com.miniamazon.simulators.chaos;

import com.miniamazon.simulators.Lifetime;
import com.miniamazon.simulators.Options;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;

/**
 * The {@code chaos-proxy} command: one {@link ChaosProxy} on 127.0.0.1 until SIGINT/SIGTERM.
 *
 * <pre>
 * chaos-proxy --port=23456 --target-port=23457 [--target-host=127.0.0.1] [--name=world] [--seed=N]
 *             [--drop=P] [--duplicate=P] [--reorder=P] [--split=P] [--delay-ms=MS] [--cut-every-ms=MS]
 * </pre>
 *
 * Each fault flag applies both ways; {@code --drop-to-server=P} or {@code --drop-to-client=P} (and so on for
 * every fault) sets one direction only. Without {@code --seed} a seed is drawn and printed, so the run can be
 * repeated.
 */
public final class ChaosCommand {

    private static final String[] FAULTS = {"drop", "duplicate", "reorder", "split", "delay-ms"};

    /** Flags the command knows. */
    public static final Set<String> FLAGS = flags();

    private ChaosCommand() {}

    public static int run(String[] args) throws Exception {
        Options o = Options.parse(args, 0, FLAGS);
        int port = o.integer("port", -1);
        int targetPort = o.integer("target-port", -1);
        if (port < 0 || targetPort < 0) {
            throw new IllegalArgumentException("--port and --target-port are required");
        }
        String seedFlag = o.string("seed", null);
        long seed = seedFlag == null ? new java.security.SecureRandom().nextLong() : Long.parseLong(seedFlag.trim());
        Lifetime lifetime = new Lifetime();
        ChaosProxy proxy = lifetime.own(ChaosProxy.start(o.string("name", "proxy"), port,
                new InetSocketAddress(o.string("target-host", "127.0.0.1"), targetPort), seed));
        proxy.faults(Direction.TO_SERVER, faults(o, "-to-server"));
        proxy.faults(Direction.TO_CLIENT, faults(o, "-to-client"));
        int cutEvery = o.integer("cut-every-ms", 0);
        if (cutEvery > 0) {
            proxy.cutEvery(Duration.ofMillis(cutEvery));
        }
        System.out.println("chaos proxy ready: port " + proxy.port() + " -> " + proxy.target().getHostString() + ":"
                + proxy.target().getPort() + ", seed " + seed + "; to server: " + proxy.faults(Direction.TO_SERVER)
                + "; to client: " + proxy.faults(Direction.TO_CLIENT) + (cutEvery > 0 ? "; cut every " + cutEvery + " ms" : ""));
        System.out.flush();
        lifetime.awaitStop();
        return 0;
    }

    /** The faults of one direction: the direction's own flag, else the flag for both. */
    static Faults faults(Options o, String suffix) {
        int[] v = new int[FAULTS.length];
        for (int i = 0; i < FAULTS.length; i++) {
            v[i] = o.integer(FAULTS[i] + suffix, o.integer(FAULTS[i], 0));
        }
        return new Faults(v[0], v[1], v[2], v[3], v[4]);
    }

    private static Set<String> flags() {
        Set<String> flags = new HashSet<>(Set.of("port", "target-host", "target-port", "name", "seed", "cut-every-ms"));
        for (String f : FAULTS) {
            flags.add(f);
            flags.add(f + "-to-server");
            flags.add(f + "-to-client");
        }
        return Set.copyOf(flags);
    }
}
