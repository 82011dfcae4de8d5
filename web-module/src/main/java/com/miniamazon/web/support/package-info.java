/** Plumbing every page relies on: expression-language support, error handling, shared converters. */
package com.miniamazon.web.support;
