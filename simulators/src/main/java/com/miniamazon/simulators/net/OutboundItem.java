package com.miniamazon.simulators.net;

import com.google.protobuf.MessageLite;

/**
 * One item a simulator sends to a peer and resends until acked: its seqnum, which repeated field of the envelope
 * it goes in ({@code kind}, defined by each protocol side), and the item itself.
 */
public record OutboundItem(long seqnum, int kind, MessageLite message) {}
