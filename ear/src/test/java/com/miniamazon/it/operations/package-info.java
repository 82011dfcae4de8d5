/** What an operator watches: health, metrics, the API's description. */
package com.miniamazon.it.operations;
