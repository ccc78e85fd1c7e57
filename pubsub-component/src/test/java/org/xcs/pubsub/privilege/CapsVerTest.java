package org.xcs.pubsub.privilege;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.testing.TestStanzas;

class CapsVerTest {
    static final String SIMPLE = "<query xmlns='http://jabber.org/protocol/disco#info'"
            + " node='http://code.google.com/p/exodus#QgayPKawpkPSDYmwT/WM94uAlu0='>"
            + "<identity category='client' name='Exodus 0.9.1' type='pc'/>"
            + "<feature var='http://jabber.org/protocol/caps'/>"
            + "<feature var='http://jabber.org/protocol/disco#info'/>"
            + "<feature var='http://jabber.org/protocol/disco#items'/>"
            + "<feature var='http://jabber.org/protocol/muc'/></query>";

    @Test
    void simpleGenerationExampleOfSection5_2HashesToItsVer() {
        assertEquals("QgayPKawpkPSDYmwT/WM94uAlu0=", CapsVer.generate(TestStanzas.element(SIMPLE), "sha-1"));
        assertTrue(CapsVer.verifies(TestStanzas.element(SIMPLE), "sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0="));
    }

    @Test
    void complexGenerationExampleOfSection5_3WithLanguagesAndAFormHashesToItsVer() {
        Element query = TestStanzas.element("<query xmlns='http://jabber.org/protocol/disco#info'>"
                + "<identity xml:lang='en' category='client' name='Psi 0.11' type='pc'/>"
                + "<identity xml:lang='el' category='client' name='\u03a8 0.11' type='pc'/>"
                + "<feature var='http://jabber.org/protocol/caps'/>"
                + "<feature var='http://jabber.org/protocol/disco#info'/>"
                + "<feature var='http://jabber.org/protocol/disco#items'/>"
                + "<feature var='http://jabber.org/protocol/muc'/>"
                + "<x xmlns='jabber:x:data' type='result'>"
                + "<field var='FORM_TYPE' type='hidden'><value>urn:xmpp:dataforms:softwareinfo</value></field>"
                + "<field var='ip_version' type='text-multi'><value>ipv4</value><value>ipv6</value></field>"
                + "<field var='os'><value>Mac</value></field>"
                + "<field var='os_version'><value>10.5.1</value></field>"
                + "<field var='software'><value>Psi</value></field>"
                + "<field var='software_version'><value>0.11</value></field></x></query>");
        assertEquals("q07IKJEyjvHSyhy//CH0CxmKi8w=", CapsVer.generate(query, "sha-1"));
    }

    @Test
    void aResultThatDoesNotHashToTheAnnouncedVerDoesNotVerify() {
        Element lying = TestStanzas.element(SIMPLE.replace("http://jabber.org/protocol/muc'",
                "urn:xmpp:avatar:metadata+notify'"));
        assertFalse(CapsVer.verifies(lying, "sha-1", "QgayPKawpkPSDYmwT/WM94uAlu0="));
    }

    @Test
    void duplicateFeaturesAndUnknownAlgorithmsAreNeverVerified() {
        Element dup = TestStanzas.element(SIMPLE.replace("</query>",
                "<feature var='http://jabber.org/protocol/muc'/></query>"));
        assertNull(CapsVer.generate(dup, "sha-1"));
        assertNull(CapsVer.generate(TestStanzas.element(SIMPLE), "md5"));
    }
}
