/**
 * PostgreSQL access shared by both simulators: one connection per simulator loop, its schema migrated with
 * Flyway from the simulator's own versioned scripts, reopened when it breaks.
 */
package com.miniamazon.simulators.store;
