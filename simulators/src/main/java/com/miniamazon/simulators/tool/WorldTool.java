package com.miniamazon.simulators.tool;

public final class WorldTool {
    private WorldTool() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    public static int await(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
