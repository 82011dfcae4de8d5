package com.miniamazon.simulators.ups;

public final class UpsCommand {
    private UpsCommand() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    public static int await(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
