/**
 * The store's JSON API under {@code /api}: catalog search and product detail for everyone; placing orders and
 * following them for customers, authenticated with HTTP Basic over the same accounts as the pages. Errors are
 * RFC 9457 problem details; the OpenAPI document is served at {@code /openapi}.
 */
package com.miniamazon.web.api;
