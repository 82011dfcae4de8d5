/**
 * The UPS simulator: a carrier that owns trucks in a world of the world simulator and serves Amazon over our
 * Amazon/UPS protocol (port 34567). {@link com.miniamazon.simulators.ups.UpsSimulator} runs both connections on one
 * group-commit loop; {@link com.miniamazon.simulators.ups.Carrier} holds the trucks and shipments and decides which
 * truck fetches and delivers what; {@link com.miniamazon.simulators.ups.UpsStore} keeps it all in PostgreSQL.
 */
package com.miniamazon.simulators.ups;
