package org.xcs.bench.standin;

import java.util.Arrays;

/**
 * Frames the top-level children of an XML stream from raw bytes without parsing them: it tracks element depth
 * (open, close, self-closing tags; quoted attribute values may hold '>'), and hands each complete depth-1 element
 * (a stanza, or the {@code <handshake/>}) to the sink. Our components never send comments or CDATA sections, and
 * RFC 6120 §11.1 forbids comments and processing instructions on XMPP streams anyway.
 */
final class StanzaScanner {

    interface Sink {
        void streamOpened(String header);

        /** {@code buf[0..len)} holds one complete stanza; the array is reused after the call returns. */
        void stanza(byte[] buf, int len);

        void streamClosed();
    }

    private final Sink sink;
    private byte[] stanza = new byte[4096];
    private int length;
    private int depth;
    private boolean inTag;
    private boolean closingTag;
    private boolean declarationTag;
    private byte quote;
    private byte previous;
    private boolean firstTagChar;
    private final StringBuilder header = new StringBuilder();

    StanzaScanner(Sink sink) {
        this.sink = sink;
    }

    void feed(byte[] buf, int off, int len) {
        for (int i = off; i < off + len; i++) {
            byte b = buf[i];
            if (depth >= 1) {
                if (length == stanza.length) {
                    stanza = Arrays.copyOf(stanza, stanza.length * 2);
                }
                stanza[length++] = b;
            } else if (inTag) {
                header.append((char) (b & 0xff));
            }
            if (!inTag) {
                if (b == '<') {
                    inTag = true;
                    firstTagChar = true;
                    closingTag = false;
                    declarationTag = false;
                    quote = 0;
                    if (depth == 1) {
                        length = 0;
                        stanza[length++] = b;
                    } else if (depth == 0) {
                        header.setLength(0);
                        header.append('<');
                    }
                }
                continue;
            }
            if (firstTagChar) {
                firstTagChar = false;
                closingTag = b == '/';
                declarationTag = b == '?' || b == '!';
            }
            if (quote != 0) {
                if (b == quote) {
                    quote = 0;
                }
            } else if (b == '\'' || b == '"') {
                quote = b;
            } else if (b == '>') {
                inTag = false;
                endOfTag(previous == '/');
            }
            previous = b;
        }
    }

    private void endOfTag(boolean selfClosing) {
        if (declarationTag) {
            return;
        }
        if (closingTag) {
            depth--;
            if (depth == 1) {
                sink.stanza(stanza, length);
                length = 0;
            } else if (depth == 0) {
                sink.streamClosed();
            }
        } else if (selfClosing) {
            if (depth == 1) {
                sink.stanza(stanza, length);
                length = 0;
            }
        } else {
            depth++;
            if (depth == 1) {
                sink.streamOpened(header.toString());
                length = 0;
            }
        }
    }
}
