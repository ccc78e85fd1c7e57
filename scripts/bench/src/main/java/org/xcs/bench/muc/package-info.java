/**
 * MUC scenarios of issue 6 (XEP-0045): rooms of occupants all sending groupchat messages (saturation, deliveries/s,
 * latency, joins/s) and resident memory per occupant, each on the host's built-in MUC and on ours through the same
 * host, alternately.
 */
package org.xcs.bench.muc;
