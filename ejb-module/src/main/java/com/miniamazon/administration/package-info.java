/** What administrators see of the running store: warehouses, head counts and, with fulfilment, its health. */
package com.miniamazon.administration;
