/** Access control, CSRF and output escaping, checked from a real browser. */
package com.miniamazon.it.security;
