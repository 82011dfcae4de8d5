/** What the integration tests share: where the shop and its server are, the browser, the database. */
package com.miniamazon.it.support;
