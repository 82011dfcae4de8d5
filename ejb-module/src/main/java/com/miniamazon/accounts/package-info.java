/**
 * Who uses the store: customers, sellers and administrators, their credentials (salted PBKDF2, throttled
 * logins), their roles as Jakarta Security sees them ({@link com.miniamazon.accounts.AccountIdentityStore}),
 * and each customer's address book of delivery destinations.
 */
package com.miniamazon.accounts;
