package com.miniamazon.simulators.devstack;

public final class DevStack {
    private DevStack() {}

    public static int run(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }

    public static int await(String[] args) throws Exception {
        throw new UnsupportedOperationException("not yet");
    }
}
