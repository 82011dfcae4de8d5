/**
 * Benchmarks, run by {@code bench/simulator}: the frame codec's encode and decode rates (JMH) and the world
 * simulator's command round-trip latency and throughput on loopback (HdrHistogram).
 */
package com.miniamazon.bench;
