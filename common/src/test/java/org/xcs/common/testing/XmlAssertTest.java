package org.xcs.common.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class XmlAssertTest {

    private static Optional<String> compare(String expected, String actual, Map<String, String> bindings) {
        return XmlAssert.mismatch(TestStanzas.element(expected), TestStanzas.element(actual), bindings);
    }

    private static void assertMatch(String expected, String actual) {
        Optional<String> difference = compare(expected, actual, new HashMap<>());
        assertTrue(difference.isEmpty(), () -> difference.get());
    }

    private static String assertMismatch(String expected, String actual) {
        Optional<String> difference = compare(expected, actual, new HashMap<>());
        assertTrue(difference.isPresent(), "should differ:\n" + expected + "\n" + actual);
        return difference.get();
    }

    @Test
    void attributeOrderPrefixesAndWhitespaceDoNotMatter() {
        assertMatch("<iq type='result' id='1'>\n  <query xmlns='jabber:iq:version'>\n"
                        + "    <name> xcs </name>\n  </query>\n</iq>",
                "<iq id='1' type='result'><v:query xmlns:v='jabber:iq:version'><v:name>xcs</v:name></v:query></iq>");
    }

    @Test
    void theStanzaNamespaceOfEitherStreamCountsAsTheSame() {
        assertMatch("<message to='a@example.test'><body>x</body></message>",
                "<message xmlns='jabber:component:accept' to='a@example.test'><body>x</body></message>");
        assertMatch("<message xmlns='jabber:client'><body>x</body></message>",
                "<message><body>x</body></message>");
    }

    @Test
    void aNestedClientStanzaMustKeepItsNamespace() {
        String message = assertMismatch(
                "<iq type='result'><forwarded xmlns='urn:xmpp:forward:0'><iq xmlns='jabber:client'/></forwarded></iq>",
                "<iq type='result'><forwarded xmlns='urn:xmpp:forward:0'><iq xmlns=''/></forwarded></iq>");
        assertTrue(message.contains("/iq/forwarded/iq"), message);
    }

    @Test
    void aChildInTheWrongNamespaceDiffers() {
        assertMismatch("<error type='modify'><nodeid-required xmlns='http://jabber.org/protocol/pubsub#errors'/></error>",
                "<error type='modify'><nodeid-required/></error>");
    }

    @Test
    void differentMissingOrExtraAttributesDiffer() {
        assertMismatch("<iq type='result' id='1'/>", "<iq type='error' id='1'/>");
        assertMismatch("<iq type='result' id='1'/>", "<iq type='result'/>");
        String extra = assertMismatch("<iq type='result'/>", "<iq type='result' id='1'/>");
        assertTrue(extra.contains("/iq/@id: unexpected attribute"), extra);
    }

    @Test
    void missingExtraOrReorderedChildrenDiffer() {
        assertMismatch("<q><a/><b/></q>", "<q><a/></q>");
        assertMismatch("<q><a/></q>", "<q><a/><b/></q>");
        assertMismatch("<q><a/><b/></q>", "<q><b/><a/></q>");
    }

    @Test
    void childOrderCanBeDeclaredIrrelevant() {
        assertMatch("<query xmlns='http://jabber.org/protocol/disco#info' xmlns:t='urn:xcs:test:xml' t:order='any'>"
                        + "<feature var='a'/><feature var='b'/></query>",
                "<query xmlns='http://jabber.org/protocol/disco#info'><feature var='b'/><feature var='a'/></query>");
        assertMismatch("<q xmlns:t='urn:xcs:test:xml' t:order='any'><f var='a'/><f var='b'/></q>",
                "<q><f var='b'/><f var='c'/></q>");
    }

    @Test
    void textDiffers() {
        String message = assertMismatch("<message><body>hi</body></message>", "<message><body>ho</body></message>");
        assertTrue(message.contains("/message/body/text(): expected \"hi\" but was \"ho\""), message);
    }

    @Test
    void anyMatchesAnyValueButTheAttributeMustBePresent() {
        assertMatch("<message id='{any}'><body>{any}</body></message>", "<message id='x7'><body>hey</body></message>");
        assertMismatch("<message id='{any}'/>", "<message/>");
    }

    @Test
    void idMatchesTheBoundRequestIdOnly() {
        Map<String, String> bindings = new HashMap<>(Map.of("id", "p1"));
        assertTrue(compare("<iq id='{id}'/>", "<iq id='p1'/>", bindings).isEmpty());
        assertTrue(compare("<iq id='{id}'/>", "<iq id='p2'/>", bindings).isPresent());
        assertTrue(compare("<iq id='{id}'/>", "<iq id='p1'/>", new HashMap<>()).isPresent(), "nothing bound");
    }

    @Test
    void aNamedPlaceholderBindsOnFirstUseAndMustMatchAfterwards() {
        Map<String, String> bindings = new HashMap<>();
        assertTrue(compare("<iq id='{$q}'/>", "<iq id='gen-42'/>", bindings).isEmpty());
        assertEquals("gen-42", bindings.get("q"));
        assertTrue(compare("<iq id='{$q}'/>", "<iq id='gen-43'/>", bindings).isPresent());
        assertTrue(compare("<m a='{$v}' b='{$v}'/>", "<m a='1' b='2'/>", new HashMap<>()).isPresent());
    }

    @Test
    void aFailedComparisonBindsNothing() {
        Map<String, String> bindings = new HashMap<>();
        assertTrue(compare("<iq id='{$q}' type='result'/>", "<iq id='gen-1' type='error'/>", bindings).isPresent());
        assertTrue(bindings.isEmpty());
    }

    @Test
    void theFailureMessageShowsBothDocumentsPrettyPrinted() {
        String message = assertMismatch("<iq type='result'><query xmlns='urn:x'/></iq>",
                "<iq type='error'><query xmlns='urn:x'/></iq>");
        assertTrue(message.contains("/iq/@type: expected \"result\" but was \"error\""), message);
        assertTrue(message.contains("Expected:\n<iq type=\"result\">\n  <query xmlns=\"urn:x\""), message);
        assertTrue(message.contains("Actual:\n<iq type=\"error\">\n  <query xmlns=\"urn:x\""), message);
    }
}
