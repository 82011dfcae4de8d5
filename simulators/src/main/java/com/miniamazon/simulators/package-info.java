/**
 * The simulated physical world and the UPS carrier, run as standalone processes beside the store.
 * {@link com.miniamazon.simulators.Main} is the single entry point: {@code world}, {@code ups}, {@code tool},
 * and the local development stack commands.
 */
package com.miniamazon.simulators;
