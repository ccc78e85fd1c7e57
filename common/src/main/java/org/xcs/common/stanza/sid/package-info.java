/**
 * XEP-0359 Unique and Stable Stanza IDs: {@code <stanza-id/>} we assign (with our address in {@code by}), the
 * sender's {@code <origin-id/>}, unguessable id generation, and the §3 rule that a stanza-id claiming to be ours is
 * removed from anything we receive.
 */
package org.xcs.common.stanza.sid;
