/**
 * Signing in and out (the shop's Jakarta Security mechanism), registration, the profile with the seller switch
 * and password change, and the address book.
 */
package com.miniamazon.web.accounts;
