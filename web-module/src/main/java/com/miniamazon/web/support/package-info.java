/**
 * Plumbing every page relies on: record properties in EL, feedback messages, safe redirects, and the exception
 * handler that answers 403/404/400/500 with friendly pages.
 */
package com.miniamazon.web.support;
