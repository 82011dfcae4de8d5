/**
 * MicroProfile Health for the shop, served by the server at /health on the management port.
 *
 * <p>WildFly discovers health checks only in an EAR's library jars (WFLY-12835), so this package is packaged
 * apart from the EJB jar, as its client jar in the EAR's lib/. Library classes cannot see the EJB jar's, so the
 * checks here only name the probes; the services that know the answers (database, JMS, the gateway) register
 * them in {@link com.miniamazon.health.ShopHealth} when they start.
 */
package com.miniamazon.health;
