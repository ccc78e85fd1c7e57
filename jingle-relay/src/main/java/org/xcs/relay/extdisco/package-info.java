/**
 * XEP-0215 External Service Discovery ({@code urn:xmpp:extdisco:2}, and {@code :1} for older clients): the STUN and
 * TURN services a client may use, with time-limited TURN credentials (coturn's {@code use-auth-secret} scheme) for
 * users of the host domains the admin allows.
 */
package org.xcs.relay.extdisco;
