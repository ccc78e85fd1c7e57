/**
 * XEP-0033 Extended Stanza Addressing, as its sender: when the host offers a multicast service (ejabberd's
 * mod_multicast), a fan-out of one stanza to many of the host's users leaves the component as one stanza with a
 * list of {@code bcc} addresses, and the host copies it to each. The host then parses it once instead of once per
 * recipient, as it does for its own MUC. Without such a service every stanza goes out as before. Our Prosody module
 * (mod_xcs_multicast) also takes the list as lines of text ({@link org.xcs.common.multicast.MulticastSender#LINES}),
 * which Prosody parses faster; the components use that form when the service's disco#info names it.
 */
package org.xcs.common.multicast;
