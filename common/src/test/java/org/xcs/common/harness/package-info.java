/**
 * Real-host test harness: private Prosody 0.12 and ejabberd 23.01 instances on loopback (free ports, temp dirs,
 * stopped by PID), Smack test clients, and a bare XEP-0114 client (RawComponent) that checks a component port
 * without our runtime. Shipped in the common test-jar for the component modules' integration tests.
 *
 * <p>XEP-0114 (Jabber Component Protocol) for the component ports; RFC 6120 for the client connections.
 * See docs/hosts.md and /work/shared/notes/hosts.md for the host facts these classes rely on.
 */
package org.xcs.common.harness;
