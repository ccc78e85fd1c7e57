/**
 * A stand-in XMPP host speaking the server side of the Jabber Component Protocol (XEP-0114 §3: accept, stream
 * header with an id, handshake SHA-1(id + secret), then stanzas), built for load: stanzas the component sends are
 * framed by a byte scanner and counted without building a DOM, so the stand-in costs little next to the component.
 */
package org.xcs.bench.standin;
