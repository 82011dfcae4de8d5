/**
 * The world simulator: the grid with Amazon's warehouses and UPS's trucks, spoken to over the course's world
 * protocol (ports 23456 and 12345). {@link com.miniamazon.simulators.world.WorldSimulator} accepts connections and
 * runs every world on one group-commit loop; {@link com.miniamazon.simulators.world.World} is one world's state and
 * rules; {@link com.miniamazon.simulators.world.WorldStore} keeps it in PostgreSQL so that worlds survive restarts.
 */
package com.miniamazon.simulators.world;
