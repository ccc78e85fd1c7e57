package org.xcs.common.stanza.rsm;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.PacketError;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResultSetRequestTest {
    static Element query(String set) throws Exception {
        return DocumentHelper.parseText("<query xmlns='http://jabber.org/protocol/disco#items'>" + set + "</query>")
                .getRootElement();
    }

    @Test
    void readsMaxAndAfterAsInXep0059Example() throws Exception {
        ResultSetRequest r = ResultSetRequest.in(query("<set xmlns='http://jabber.org/protocol/rsm'><max>10</max>"
                + "<after>peterpan@neverland.lit</after></set>")).orElseThrow();
        assertEquals(10, r.max());
        assertEquals("peterpan@neverland.lit", r.after());
        assertNull(r.before());
        assertNull(r.index());
    }

    @Test
    void anEmptyBeforeAsksForTheLastPageAndANonEmptyOneDoesNot() throws Exception {
        assertTrue(ResultSetRequest.in(query("<set xmlns='http://jabber.org/protocol/rsm'><max>10</max><before/></set>"))
                .orElseThrow().asksForLastPage());
        assertFalse(ResultSetRequest.in(query("<set xmlns='http://jabber.org/protocol/rsm'><before>x</before></set>"))
                .orElseThrow().asksForLastPage());
    }

    @Test
    void readsAnIndex() throws Exception {
        assertEquals(371L, ResultSetRequest.in(query(
                "<set xmlns='http://jabber.org/protocol/rsm'><max>10</max><index>371</index></set>")).orElseThrow().index());
    }

    @Test
    void noSetMeansNoRequest() throws Exception {
        assertTrue(ResultSetRequest.in(query("")).isEmpty());
        assertTrue(ResultSetRequest.in(query("<set xmlns='urn:other'><max>1</max></set>")).isEmpty());
    }

    @Test
    void aNegativeOrNonNumericMaxIsABadRequest() {
        for (String max : new String[] {"-1", "ten", ""}) {
            XmppException e = assertThrows(XmppException.class, () -> ResultSetRequest.in(
                    query("<set xmlns='http://jabber.org/protocol/rsm'><max>" + max + "</max></set>")));
            assertEquals(PacketError.Condition.bad_request, e.condition());
        }
    }
}
