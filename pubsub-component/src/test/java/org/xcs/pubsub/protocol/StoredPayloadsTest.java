package org.xcs.pubsub.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.xcs.common.testing.XmlAssert.assertXmlMatches;

import java.io.StringReader;
import java.util.List;

import org.dom4j.Element;
import org.dom4j.io.XPPPacketReader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Stored payloads come back as the elements they were written from (XEP-0060 §6.5: the items a retrieve returns
 * carry the payloads as published).
 */
class StoredPayloadsTest {

    /**
     * What EntityHandler stores for an item's payload: the detached copy of the element it received, as text. The
     * element is read the way Whack reads the stream (its XPPPacketReader), as in production.
     */
    private static String stored(String payloadXml) {
        try {
            Element item = new XPPPacketReader().read(new StringReader(
                    "<item xmlns='http://jabber.org/protocol/pubsub'>" + payloadXml + "</item>")).getRootElement();
            return item.elements().get(0).createCopy().asXML();
        } catch (Exception e) {
            throw new IllegalArgumentException(payloadXml, e);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "<entry xmlns='urn:xcs:bench'>x</entry>",
            "<empty xmlns='urn:a'/>",
            "<entry xmlns='http://www.w3.org/2005/Atom'><title>The Uses of This World</title>"
                    + "<link rel='alternate' type='text/html' href='http://denmark.lit/2003/12/13/atom03'/>"
                    + "<summary>O, that this too too solid flesh</summary></entry>",
            "<p:root xmlns:p='urn:p' p:attr='1' plain='2'><p:child/><other xmlns='urn:other'><deep/></other></p:root>",
            "<a xmlns='urn:a'><b xmlns=''><c/></b></a>",
            "<a xmlns='urn:a' xml:lang='en'>text &amp; more &lt;tags&gt; \"quoted\" 'apos'</a>",
            "<a xmlns='urn:a' v='&lt;&amp;&gt;&quot;&apos;'/>",
            // Characters outside the BMP arrive raw: Whack's XPP3 drops a reference to one (&#x1F600;) on input,
            // so the stored text never holds such a reference.
            "<a xmlns='urn:a'>caf\u00e9 \ud83d\ude00 &#233; &#x41;</a>",
            "<a xmlns='urn:a'>\n  <b>mixed</b> tail text\n  <c/>\n</a>",
            "<x:a xmlns:x='urn:x' xmlns:unused='urn:unused'><x:b xmlns='urn:default'><c/></x:b></x:a>",
            "<geoloc xmlns='http://jabber.org/protocol/geoloc' xml:lang='en'><lat>45.44</lat><lon>12.33</lon></geoloc>",
    })
    void aStoredPayloadParsesBackToTheElementItWasWrittenFrom(String payload) {
        String text = stored(payload);
        Element parsed = StoredPayloads.parse(text);
        assertNull(parsed.getParent());
        assertXmlMatches(payload, parsed);
        // Written again, it is the very text that was stored: a retrieve returns what the publisher sent.
        assertEquals(text, parsed.asXML());
    }

    @Test
    void aPayloadLargerThanTheKeptParserBufferParsesToo() {
        StringBuilder xml = new StringBuilder("<big xmlns='urn:big'>");
        for (int i = 0; i < 5_000; i++) {
            xml.append("<line n='").append(i).append("'>some text &amp; more text</line>");
        }
        String text = stored(xml.append("</big>").toString());
        Element parsed = StoredPayloads.parse(text);
        assertEquals(5_000, parsed.elements().size());
        assertEquals(text, parsed.asXML());
        // and the small ones after it still parse on the kept parser
        assertEquals("x", StoredPayloads.parse(stored("<entry xmlns='urn:xcs:bench'>x</entry>")).getText());
    }

    @Test
    void damagedTextFailsThatCallAndLeavesTheParserUsable() {
        for (String damaged : List.of("<a xmlns='urn:a'>", "not xml", "", "<a xmlns='urn:a'/><b xmlns='urn:b'/>",
                "<p:a/>")) {
            assertThrows(IllegalStateException.class, () -> StoredPayloads.parse(damaged), damaged);
        }
        assertEquals("ok", StoredPayloads.parse("<a xmlns='urn:a'>ok</a>").getText());
    }

    @Test
    void documentTypeDeclarationsDefineNoEntities() {
        // Stored text never carries a DTD; if damaged data did, its entities must not be expanded (no XXE, no
        // entity expansion bombs).
        assertThrows(IllegalStateException.class, () -> StoredPayloads.parse(
                "<!DOCTYPE a [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><a xmlns='urn:a'>&e;</a>"));
        assertThrows(IllegalStateException.class, () -> StoredPayloads.parse(
                "<!DOCTYPE a [<!ENTITY e 'boom'>]><a xmlns='urn:a'>&e;</a>"));
    }
}
