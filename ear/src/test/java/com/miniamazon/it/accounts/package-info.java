/** Accounts in a real browser: registration, sign-in, throttling, profile, address book. */
package com.miniamazon.it.accounts;
