/** Page objects: what a person sees and does on each page of the shop, with bounded waits and no sleeps. */
package com.miniamazon.it.pages;
