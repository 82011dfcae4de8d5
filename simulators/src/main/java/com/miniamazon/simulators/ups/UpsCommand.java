package com.miniamazon.simulators.ups;

import com.miniamazon.simulators.Lifetime;
import com.miniamazon.simulators.Options;

/** The {@code ups} command: runs the UPS simulator until SIGINT/SIGTERM. */
public final class UpsCommand {

    private UpsCommand() {}

    /** Starts the simulator with the flags, prints one ready line, and returns 0 once stopped cleanly. */
    public static int run(String[] args) throws Exception {
        UpsConfig config = UpsConfig.from(Options.parse(args, 0, UpsConfig.FLAGS));
        Lifetime lifetime = new Lifetime();
        UpsSimulator sim = lifetime.own(UpsSimulator.start(config));
        System.out.println("ups simulator ready: amazon port " + sim.amazonPort() + ", world " + config.worldHost() + ":"
                + config.worldPort());
        System.out.flush();
        lifetime.awaitStop();
        return 0;
    }
}
