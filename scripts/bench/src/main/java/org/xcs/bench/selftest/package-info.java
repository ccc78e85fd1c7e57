/**
 * The driver measuring itself (issue 6: one driver process must produce and count at least 50,000 deliveries/s on
 * one core): an in-process loopback stand-in server that logs clients in and fans each message out to a group, with
 * no XML parsing, so the figure is the driver's ceiling and not a server's.
 */
package org.xcs.bench.selftest;
