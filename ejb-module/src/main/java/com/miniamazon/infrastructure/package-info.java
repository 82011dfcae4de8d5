/**
 * What every capability relies on and none owns: the database migration at deployment and the shared
 * configuration names.
 */
package com.miniamazon.infrastructure;
