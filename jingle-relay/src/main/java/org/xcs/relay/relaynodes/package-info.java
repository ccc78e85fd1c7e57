/**
 * XEP-0278 Jingle Relay Nodes, the relay side: the services list (§3.1, naming this component as a public relay and
 * its STUN port), the UDP channel request (§3.3) answered with two ports from the relay port range, latching
 * forwarding between them (each port sends to the last source seen on the other), expiry on inactivity (§6) and
 * the per-JID and total channel throttles §6 recommends. Only users of the allowed domains get channels.
 */
package org.xcs.relay.relaynodes;
