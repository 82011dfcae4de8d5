/**
 * What the run command and the integration tests need around the store on one machine: a PostgreSQL (the local
 * one, or an embedded one when none answers) with the databases created.
 */
package com.miniamazon.simulators.devstack;
