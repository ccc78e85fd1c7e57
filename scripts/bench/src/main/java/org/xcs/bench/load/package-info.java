/**
 * Offered-load steps and ascending ramps on top of the driver engine: saturation is the highest offered rate of a ramp
 * (steps about 1.5x apart) at which at least 98% of the expected deliveries arrive and p99 stays within 250 ms
 * (issue 6); each step also records the CPU of the host, the component and the driver, which says what limited it.
 */
package org.xcs.bench.load;
