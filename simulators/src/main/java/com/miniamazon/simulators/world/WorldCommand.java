package com.miniamazon.simulators.world;

import com.miniamazon.simulators.Lifetime;
import com.miniamazon.simulators.Options;

/** The {@code world} command: runs the world simulator until SIGINT/SIGTERM. */
public final class WorldCommand {

    private WorldCommand() {}

    /** Starts the simulator with the flags, prints one ready line, and returns 0 once stopped cleanly. */
    public static int run(String[] args) throws Exception {
        WorldConfig config = WorldConfig.from(Options.parse(args, 0, WorldConfig.FLAGS));
        Lifetime lifetime = new Lifetime();
        WorldSimulator sim = lifetime.own(WorldSimulator.start(config));
        System.out.println("world simulator ready: amazon port " + sim.amazonPort() + ", ups port " + sim.upsPort());
        System.out.flush();
        lifetime.awaitStop();
        return 0;
    }
}
