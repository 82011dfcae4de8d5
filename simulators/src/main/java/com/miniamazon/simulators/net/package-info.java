/**
 * Connection and delivery machinery shared by both simulators: one socket's framed reading and bounded writing
 * ({@link com.miniamazon.simulators.net.PeerConnection}), the single-threaded group-commit loop that applies
 * commands and makes them durable before anything is acked ({@link com.miniamazon.simulators.net.GroupCommitLoop}),
 * un-acked items waiting to be resent ({@link com.miniamazon.simulators.net.ResendQueue}) and the flakiness knob.
 */
package com.miniamazon.simulators.net;
