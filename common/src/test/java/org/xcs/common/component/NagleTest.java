package org.xcs.common.component;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.common.component.RuntimeFixture.params;

import org.junit.jupiter.api.Test;

/** Small stanzas must not wait for the host's delayed ACK (RFC 896 Nagle + RFC 1122 §4.2.3.2 delayed ACK). */
class NagleTest {

    @Test
    void theLinkToTheHostHasNagleOffOnceAttached() throws Exception {
        FakeComponentHost host = RuntimeFixture.startedHost();
        WhackTransport transport = new WhackTransport();
        try {
            transport.connect(params(host.port()), packet -> { }, lost -> { });
            assertTrue(transport.sendsWithoutDelay(), "TCP_NODELAY on the XEP-0114 socket");
        } finally {
            transport.close();
            host.stop();
        }
    }
}
