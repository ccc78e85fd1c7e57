/**
 * XEP-0297 Stanza Forwarding: {@code <forwarded xmlns='urn:xmpp:forward:0'>} wrapping a whole stanza with an
 * optional XEP-0203 delay. The wrapped stanza is qualified by {@code jabber:client} on the wire (RFC 6120 §4.8.3);
 * dom4j would otherwise write {@code xmlns=''} on it, which Prosody drops silently (see notes/hosts.md).
 */
package org.xcs.common.stanza.forward;
