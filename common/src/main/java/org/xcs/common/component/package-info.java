/**
 * The connection to the host over the Jabber Component Protocol (XEP-0114), behind our {@link
 * org.xcs.common.component.Transport} seam (Whack today), and the runtime around it: handshake timeout, start-up
 * errors with exit codes, waiting for the host, XEP-0199 liveness pings, reconnect with backoff, SIGTERM drain.
 */
package org.xcs.common.component;
