/** What the simulator tests share: simulators started in-process on free ports, and minimal protocol clients. */
package com.miniamazon.simulators.support;
