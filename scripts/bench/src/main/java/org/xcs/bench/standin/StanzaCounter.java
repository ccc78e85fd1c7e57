package org.xcs.bench.standin;

/** What the stand-in host does with each stanza a component sends, on the link's reader thread. */
@FunctionalInterface
public interface StanzaCounter {
    /** {@code buf[0..len)} is one stanza; the array is reused after the call. */
    void stanza(byte[] buf, int len);
}
