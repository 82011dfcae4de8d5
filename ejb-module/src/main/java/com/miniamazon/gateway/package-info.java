/**
 * The store's only door to the world and to UPS: one long-lived TCP connection to each, owned by a singleton
 * ({@link com.miniamazon.gateway.WorldGateway}, {@link com.miniamazon.gateway.UpsGateway}); the durable outbox
 * every command passes through ({@link com.miniamazon.gateway.Outbox}, its rows resent on the
 * {@link com.miniamazon.gateway.ResendSchedule} until acknowledged); and the exactly-once application of what
 * the peers report ({@link com.miniamazon.gateway.InboundProcessor}). Only this package knows protobuf, sockets
 * and seqnums; it translates them to and from the fulfilment capability's terms.
 */
package com.miniamazon.gateway;
