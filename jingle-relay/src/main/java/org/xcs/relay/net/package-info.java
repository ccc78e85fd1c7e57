/**
 * Which peers the relay may talk to (RFC 8656 §9.1: a server may refuse a permission with 403 Forbidden;
 * RFC 8656 §21.1 and the special-purpose registries of RFC 6890 for the ranges). Pure address logic: strings are
 * read as IP literals only, never resolved. Also the TURN port's sockets (RFC 8656 §3.1): the UDP listener and the
 * relayed UDP sockets share one selector loop ({@code DatagramLoop}), TCP connections have their own threads.
 */
package org.xcs.relay.net;
