package com.miniamazon.gateway;

/** A command was added to the outbox; observed after commit, to send it at once rather than at the next tick. */
record OutboxAppended(Peer peer) {}
