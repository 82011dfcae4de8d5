/**
 * Benchmarks, run by {@code bench/simulator}: the frame codec's encode and decode rates (JMH) and the world
 * simulator's command round-trip latency and throughput on loopback (HdrHistogram); and, run by {@code bench/chaos},
 * whole orders through a running store under network faults injected by the simulators' chaos proxy.
 */
package com.miniamazon.bench;
