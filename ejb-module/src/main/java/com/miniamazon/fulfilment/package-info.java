/**
 * Getting orders to customers: one shipment per warehouse used (its id is the world's package id and the
 * tracking number), stock claimed or bought for it, and the coordination of packing, the truck, loading and
 * delivery from the world's and UPS's reports. It speaks to the world and UPS only through the ports
 * {@link com.miniamazon.fulfilment.WarehouseCommands} and {@link com.miniamazon.fulfilment.CarrierCommands},
 * which the gateway implements; it never sees a socket or a protobuf message.
 */
package com.miniamazon.fulfilment;
