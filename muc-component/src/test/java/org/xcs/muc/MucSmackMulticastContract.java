package org.xcs.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.xcs.common.harness.SmackClients;

/**
 * The whole client contract again, on a host with a multicast service (XEP-0033): every message and presence of the
 * room to the host's users leaves the component through the service. The component is only taken as started once
 * it logged that it found and probed the service.
 */
abstract class MucSmackMulticastContract extends MucSmackHostContract {

    @Override
    protected String readyLine() {
        return "through the host's multicast service multicast." + DOMAIN;
    }

    // XEP-0033 §4.6.3: bcc addresses (or our lines) are stripped by the service, so occupants get the room's plain
    // message.
    @Test
    void occupantsGetTheRoomsMessagesWithoutTheServicesAddresses() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            XMPPConnection carol = clients.login("carol", "carol-pw");
            EntityBareJid room = room("multicast");
            MultiUserChat aliceMuc = muc(alice, room);
            aliceMuc.create(nick("alice")).makeInstant();
            MultiUserChat bobMuc = muc(bob, room);
            bobMuc.join(nick("bob"));
            MultiUserChat carolMuc = muc(carol, room);
            carolMuc.join(nick("carol"));
            for (String body : List.of("one", "two", "three")) {
                aliceMuc.sendMessage(body);
            }
            for (MultiUserChat muc : List.of(aliceMuc, bobMuc, carolMuc)) {
                for (String body : List.of("one", "two", "three")) { // XEP-0045 §7.4: in the room's order
                    Message m = nextBody(muc);
                    assertEquals(body, m.getBody());
                    assertEquals(Message.Type.groupchat, m.getType());
                    assertNull(m.getExtensionElement("addresses", "http://jabber.org/protocol/address"));
                    assertNull(m.getExtensionElement("bcc", "urn:xcs:multicast:lines:0"));
                }
            }
        }
    }
}
