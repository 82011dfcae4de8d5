/**
 * Integration tests: they run against the real deployed EAR on a configured WildFly, the real PostgreSQL, JMS
 * and simulators, and observe what a customer, a seller, a deployer or a peer would observe.
 */
package com.miniamazon.it;
