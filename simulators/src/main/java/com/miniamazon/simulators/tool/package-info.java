/**
 * The world tool, for manual testing: creates a world through the world protocol and lists or shows worlds from
 * the world simulator's database.
 */
package com.miniamazon.simulators.tool;
