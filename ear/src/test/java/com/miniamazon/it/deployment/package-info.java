/** How a deployer installs the shop, and what deploying does to the database. */
package com.miniamazon.it.deployment;
