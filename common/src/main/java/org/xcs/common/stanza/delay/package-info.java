/** XEP-0203 Delayed Delivery: the {@code <delay xmlns='urn:xmpp:delay'/>} stamp on stored or forwarded stanzas. */
package org.xcs.common.stanza.delay;
