/**
 * Stanzas to text, as they go on the XEP-0114 stream (RFC 6120 §4.1, §11): a renderer that writes the same bytes
 * as dom4j's {@code XMLWriter} (what Whack used to write with) at a fraction of its cost.
 */
package org.xcs.common.stanza.wire;
