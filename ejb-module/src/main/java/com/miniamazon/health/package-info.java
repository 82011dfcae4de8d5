/**
 * MicroProfile Health checks, served by the server at /health on the management port: readiness reflects the
 * database, the JMS queues and both peer connections; liveness reflects the gateway's own threads and timer.
 */
package com.miniamazon.health;
