/**
 * A fault-injecting TCP proxy for loopback tests and benchmarks: it sits between the store and a peer (the world
 * or UPS), finds frame boundaries with the protocol's own {@link com.miniamazon.protocol.codec.FrameDecoder}, and
 * per direction drops, delays, duplicates, reorders and splits whole frames, and cuts connections, all decided by
 * one seeded random so that a run can be replayed ({@link com.miniamazon.simulators.chaos.ChaosProxy}). The
 * {@code chaos-proxy} command runs one from the command line ({@link com.miniamazon.simulators.chaos.ChaosCommand}).
 */
package com.miniamazon.simulators.chaos;
