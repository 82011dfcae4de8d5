/** Telling customers about their orders by email: shipped and delivered, sent after the change committed. */
package com.miniamazon.notification;
