/** The administrators' pages. */
package com.miniamazon.web.admin;
