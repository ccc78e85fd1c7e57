package org.xcs.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.EntityBareJid;
import org.xcs.common.harness.EjabberdHost;
import org.xcs.common.harness.HostTests;
import org.xcs.common.harness.RealHostTest;
import org.xcs.common.harness.SmackClients;
import org.xcs.common.harness.TestHost;

/**
 * The whole client contract again, on an ejabberd with mod_multicast (XEP-0033): every message and presence of the
 * room to the host's users now leaves the component through the host's multicast service. The component is only
 * taken as started once it logged that it found and probed the service.
 */
@RealHostTest
class MucSmackOnEjabberdMulticastTest extends MucSmackHostContract {

    @Override
    protected void requireInstalled() {
        HostTests.requireEjabberd();
    }

    @Override
    protected TestHost newHost(String component, String secret) {
        return EjabberdHost.builder(DOMAIN).component(component, secret).moduleConfig("mod_multicast: {}").build();
    }

    @Override
    protected String readyLine() {
        return "through the host's multicast service multicast." + DOMAIN;
    }

    // XEP-0033 §4.6.3: bcc addresses are stripped by the service, so occupants get the room's plain message.
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
                }
            }
        }
    }
}
