/**
 * Hosts for benchmarks: Prosody or ejabberd on one domain with their built-in MUC (XEP-0045) and PubSub (XEP-0060)
 * services, our components attached over XEP-0114 on other domains of the same host, anonymous c2s login (SASL
 * ANONYMOUS, RFC 4505) for the driver, and the throttles that would measure a limit instead of a server turned off.
 */
package org.xcs.bench.testbed;
