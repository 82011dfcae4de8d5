/** Where goods are: the warehouses on the world's grid and the stock each one holds. */
package com.miniamazon.inventory;
