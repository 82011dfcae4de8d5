/** Who uses the store: customers, sellers and administrators, their credentials and profiles. */
package com.miniamazon.accounts;
