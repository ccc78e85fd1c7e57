package org.xcs.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jivesoftware.smack.StanzaCollector;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException.XMPPErrorException;
import org.jivesoftware.smack.filter.AndFilter;
import org.jivesoftware.smack.filter.FromMatchesFilter;
import org.jivesoftware.smack.filter.MessageTypeFilter;
import org.jivesoftware.smack.packet.IQ;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.packet.StanzaError;
import org.jivesoftware.smackx.delay.packet.DelayInformation;
import org.jivesoftware.smackx.muc.Affiliate;
import org.jivesoftware.smackx.muc.HostedRoom;
import org.jivesoftware.smackx.muc.MUCAffiliation;
import org.jivesoftware.smackx.muc.MultiUserChat;
import org.jivesoftware.smackx.muc.MultiUserChatManager;
import org.jivesoftware.smackx.muc.RoomInfo;
import org.jivesoftware.smackx.muc.UserStatusListener;
import org.jivesoftware.smackx.muc.packet.MUCAdmin;
import org.jivesoftware.smackx.muc.packet.MUCItem;
import org.jivesoftware.smackx.muc.packet.MUCOwner;
import org.jivesoftware.smackx.muc.packet.MUCUser;
import org.jivesoftware.smackx.xdata.FormField;
import org.jivesoftware.smackx.xdata.form.FillableForm;
import org.jivesoftware.smackx.xdata.form.Form;
import org.junit.jupiter.api.Test;
import org.jxmpp.jid.DomainBareJid;
import org.jxmpp.jid.EntityBareJid;
import org.jxmpp.jid.EntityFullJid;
import org.jxmpp.jid.impl.JidCreate;
import org.jxmpp.jid.parts.Resourcepart;
import org.xcs.common.harness.HostedComponentContract;
import org.xcs.common.harness.SmackClients;
import org.xcs.common.harness.TestHost;

/**
 * XEP-0045 through a real host with Smack's MultiUserChatManager, the component running as a real process: rooms
 * are created, configured, used and moderated as a client does it, and persistent rooms come back whole after a
 * SIGTERM and after a {@code kill -9} (issue 3, "Done when").
 */
abstract class MucSmackHostContract extends HostedComponentContract {
    static final String DOMAIN = "example.test";
    static final String COMPONENT = "muc." + DOMAIN;
    private static final String SECRET = "s3cret-muc";
    private static final long WAIT_MS = SmackClients.REPLY_TIMEOUT.toMillis();
    private static final int HISTORY_MESSAGES = 5;
    private static final String BAN_REASON = "spam, repeatedly";

    MucSmackHostContract() {
        super(COMPONENT, SECRET, Main.class, List.of("alice", "bob", "carol", "dave"));
    }

    protected abstract TestHost newHost(String component, String secret);

    @Override
    protected TestHost createHost() {
        return newHost(COMPONENT, SECRET);
    }

    // XEP-0045 §10.1.3 (reserved room), §7.2, §7.4, §7.5, §6.3, §6.4, §8.2, §9.1 with §7.2.7, §9.3.
    @Test
    void aCreatedConfiguredRoomIsListedDescribedAndUsedForGroupchatPrivateMessagesAndModeration() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            XMPPConnection carol = clients.login("carol", "carol-pw");
            XMPPConnection dave = clients.login("dave", "dave-pw");
            EntityBareJid room = room("lounge");

            MultiUserChat aliceMuc = muc(alice, room);
            aliceMuc.create(nick("alice"));
            FillableForm form = aliceMuc.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_roomname", "The Lounge");
            form.setAnswer("muc#roomconfig_persistentroom", true);
            form.setAnswer("muc#roomconfig_publicroom", true);
            aliceMuc.sendConfigurationForm(form);
            aliceMuc.changeSubject("Welcome to the lounge");

            MultiUserChat bobMuc = muc(bob, room);
            bobMuc.join(nick("bob"));
            awaitSubject(bobMuc, "Welcome to the lounge");

            aliceMuc.sendMessage("hello bob");
            assertEquals("hello bob", nextBody(bobMuc).getBody());
            // XEP-0045 §7.4: the sender gets her own message reflected, in the room's order.
            assertEquals("hello bob", nextBody(aliceMuc).getBody());
            bobMuc.sendMessage("hello alice");
            Message toAlice = nextBody(aliceMuc);
            assertEquals("hello alice", toAlice.getBody());
            // XEP-0045 §7.4: the message comes from bob's occupant JID, never his real JID.
            assertEquals(JidCreate.entityFullFrom(room, nick("bob")), toAlice.getFrom());

            // XEP-0045 §7.5: a private message reaches the occupant from the sender's occupant JID.
            EntityFullJid bobInRoom = JidCreate.entityFullFrom(room, nick("bob"));
            try (StanzaCollector pms = alice.createStanzaCollector(
                    new AndFilter(MessageTypeFilter.CHAT, FromMatchesFilter.createFull(bobInRoom)))) {
                bob.sendStanza(bob.getStanzaFactory().buildMessageStanza()
                        .to(JidCreate.entityFullFrom(room, nick("alice"))).ofType(Message.Type.chat)
                        .setBody("just between us").addExtension(new MUCUser()).build());
                Message pm = pms.nextResult(WAIT_MS);
                assertNotNull(pm, "bob's private message never reached alice");
                assertEquals("just between us", pm.getBody());
            }

            // XEP-0045 §6.3 (public rooms with their names) and §6.4 (muc#roominfo).
            MultiUserChatManager discovery = MultiUserChatManager.getInstanceFor(dave);
            HostedRoom listed = discovery.getRoomsHostedBy(service()).get(room);
            assertNotNull(listed, "the public room is not in disco#items of " + COMPONENT);
            assertEquals("The Lounge", listed.getName());
            RoomInfo info = discovery.getRoomInfo(room);
            assertEquals("The Lounge", info.getName());
            assertEquals(2, info.getOccupantsCount());
            assertTrue(info.isPersistent());

            // XEP-0045 §8.2: kick; the kicked occupant learns it (307) and is out.
            MultiUserChat carolMuc = muc(carol, room);
            carolMuc.join(nick("carol"));
            CountDownLatch kicked = new CountDownLatch(1);
            AtomicReference<String> kickReason = new AtomicReference<>();
            carolMuc.addUserStatusListener(new UserStatusListener() {
                @Override
                public void kicked(org.jxmpp.jid.Jid actor, String reason) {
                    kickReason.set(reason);
                    kicked.countDown();
                }
            });
            aliceMuc.kickParticipant(nick("carol"), "too loud");
            assertTrue(kicked.await(WAIT_MS, TimeUnit.MILLISECONDS), "carol was not told she was kicked");
            assertEquals("too loud", kickReason.get());

            // XEP-0045 §9.1: a banned user cannot enter (forbidden, §7.2.7).
            aliceMuc.banUser(dave.getUser().asBareJid(), "not welcome");
            assertError(StanzaError.Condition.forbidden, () -> muc(dave, room).join(nick("dave")));

            // XEP-0045 §9.3: grant membership; the member list shows it.
            aliceMuc.grantMembership(carol.getUser().asBareJid());
            assertEquals(Set.of(carol.getUser().asBareJid()), jids(aliceMuc.getMembers()));
            assertEquals(Set.of(dave.getUser().asBareJid()), jids(aliceMuc.getOutcasts()));
        }
    }

    // XEP-0045 §7.2.6 (members-only: registration-required) and §7.2.5 (password: not-authorized).
    @Test
    void aMembersOnlyRoomRefusesANonMemberAndAPasswordRoomRefusesAWrongPassword() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");

            EntityBareJid club = room("club");
            MultiUserChat clubMuc = muc(alice, club);
            clubMuc.create(nick("alice"));
            FillableForm members = clubMuc.getConfigurationForm().getFillableForm();
            members.setAnswer("muc#roomconfig_membersonly", true);
            clubMuc.sendConfigurationForm(members);
            assertError(StanzaError.Condition.registration_required, () -> muc(bob, club).join(nick("bob")));

            EntityBareJid vault = room("vault");
            MultiUserChat vaultMuc = muc(alice, vault);
            vaultMuc.create(nick("alice"));
            FillableForm secret = vaultMuc.getConfigurationForm().getFillableForm();
            secret.setAnswer("muc#roomconfig_passwordprotectedroom", true);
            secret.setAnswer("muc#roomconfig_roomsecret", "sesame");
            vaultMuc.sendConfigurationForm(secret);
            assertError(StanzaError.Condition.not_authorized, () -> muc(bob, vault).join(nick("bob"), "open up"));
            muc(bob, vault).join(nick("bob"), "sesame");
        }
    }

    // XEP-0045 §7.2.9: a room at its maximum refuses a non-admin with service-unavailable and stays at its maximum;
    // an admin still gets in. SINT's mucMaxUsersLimitJoinRoomTest asserts the same but may stop at a Smack race
    // before its last assertion (MucSint), so this checks it without that wait.
    @Test
    void aFullRoomRefusesANonAdminWithServiceUnavailableAndStaysFull() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            XMPPConnection carol = clients.login("carol", "carol-pw");
            XMPPConnection dave = clients.login("dave", "dave-pw");
            EntityBareJid room = room("snug");
            MultiUserChat aliceMuc = muc(alice, room);
            aliceMuc.create(nick("alice"));
            FillableForm form = aliceMuc.getConfigurationForm().getFillableForm();
            form.setAnswer("muc#roomconfig_maxusers", "2");
            aliceMuc.sendConfigurationForm(form);
            muc(bob, room).join(nick("bob"));

            assertError(StanzaError.Condition.service_unavailable, () -> muc(carol, room).join(nick("carol")));
            // The room's order (XEP-0045 §7.4): once alice has her own next message back, she has every presence
            // the refused join could have caused.
            aliceMuc.sendMessage("still two of us?");
            assertEquals("still two of us?", nextBody(aliceMuc).getBody());
            assertEquals(Set.of(nick("alice"), nick("bob")), nicks(aliceMuc));
            assertEquals(2, MultiUserChatManager.getInstanceFor(carol).getRoomInfo(room).getOccupantsCount());

            aliceMuc.grantAdmin(bare("dave"));
            muc(dave, room).join(nick("dave"));
            assertEquals(3, MultiUserChatManager.getInstanceFor(carol).getRoomInfo(room).getOccupantsCount(),
                    "an admin must get into a full room");
        }
    }

    private static Set<Resourcepart> nicks(MultiUserChat muc) {
        return muc.getOccupants().stream().map(EntityFullJid::getResourcepart).collect(Collectors.toSet());
    }

    // XEP-0045 §4.2 Temporary Room (the default of an instant room, §10.1.2): destroyed when the last
    // occupant leaves; afterwards it does not exist (§6.4 item-not-found).
    @Test
    void aTemporaryRoomIsGoneWhenItsLastOccupantLeaves() throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            EntityBareJid room = room("fleeting");
            MultiUserChat aliceMuc = muc(alice, room);
            aliceMuc.create(nick("alice")).makeInstant();
            MultiUserChat bobMuc = muc(bob, room);
            bobMuc.join(nick("bob"));
            assertEquals(2, MultiUserChatManager.getInstanceFor(bob).getRoomInfo(room).getOccupantsCount());

            aliceMuc.leave();
            assertEquals(1, MultiUserChatManager.getInstanceFor(bob).getRoomInfo(room).getOccupantsCount(),
                    "the room must live on while bob is in it");
            bobMuc.leave();
            assertError(StanzaError.Condition.item_not_found,
                    () -> SmackClients.discoInfo(alice, room.toString()));
        }
    }

    // Issue 3: a restart of the component keeps every persistent room intact (XEP-0045 §4.2 Persistent Room).
    @Test
    void aPersistentRoomSurvivesSigtermWithConfigurationAffiliationsSubjectAndHistory() throws Exception {
        // Two rooms: every persistent room comes back, not only the last one touched.
        List<EntityBareJid> rooms = List.of(room("archive"), room("annex"));
        for (EntityBareJid room : rooms) {
            try (SmackClients clients = new SmackClients(host)) {
                furnishPersistentRoom(clients, room, "Survives SIGTERM: " + room.getLocalpart());
            }
        }
        component.terminate();
        assertEquals(0, component.awaitExit(ATTACH_TIMEOUT), "SIGTERM did not end with exit 0:\n" + component.output());
        component = startComponent();

        for (EntityBareJid room : rooms) {
            assertRoomIntact(room, "Survives SIGTERM: " + room.getLocalpart(), "described once");
        }
    }

    // Issue 3: a kill -9 in the middle of a burst of configuration changes loses none that were acknowledged.
    @Test
    void aPersistentRoomSurvivesKillMinus9AndKeepsEveryAcknowledgedConfigurationChange() throws Exception {
        EntityBareJid room = room("bunker");
        int lastAcknowledged;
        try (SmackClients clients = new SmackClients(host)) {
            MultiUserChat aliceMuc = furnishPersistentRoom(clients, room, "Survives kill -9");
            // 30 changes in a row, each waited for: every one of them was committed when its result came.
            for (int i = 1; i <= 30; i++) {
                submitDescription(aliceMuc, "revision " + i);
            }
            // Then a pipelined burst, killed as soon as its first result arrives: changes in flight may or may not
            // be kept, but nothing acknowledged may be lost.
            XMPPConnection alice = aliceMuc.getXmppConnection();
            Form current = aliceMuc.getConfigurationForm();
            AtomicInteger acknowledged = new AtomicInteger(30);
            CountDownLatch firstOfBurst = new CountDownLatch(1);
            for (int i = 31; i <= 80; i++) {
                int revision = i;
                MUCOwner change = descriptionChange(aliceMuc.getRoom(), current, "revision " + i);
                alice.sendIqRequestAsync(change, WAIT_MS).onSuccess(result -> {
                    acknowledged.accumulateAndGet(revision, Math::max);
                    firstOfBurst.countDown();
                });
            }
            assertTrue(firstOfBurst.await(WAIT_MS, TimeUnit.MILLISECONDS), "no result for the burst:\n"
                    + component.output());
            component.kill();
            lastAcknowledged = acknowledged.get();
        }
        assertTrue(lastAcknowledged > 30, "the burst was not acknowledged at all");
        component = startComponent();

        int kept = revision(assertRoomIntact(room, "Survives kill -9", null));
        assertTrue(kept >= lastAcknowledged, "revision " + lastAcknowledged + " was acknowledged before kill -9, "
                + "but the room came back with revision " + kept);
        System.out.printf("kill -9 on %s: last acknowledged revision %d, kept %d%n",
                host.getClass().getSimpleName(), lastAcknowledged, kept);
    }

    /**
     * alice creates a persistent, public, configured room with bob as admin, carol as member, dave banned with a
     * reason, a subject and {@link #HISTORY_MESSAGES} messages; returns alice's chat, still in the room.
     */
    private MultiUserChat furnishPersistentRoom(SmackClients clients, EntityBareJid room, String name)
            throws Exception {
        XMPPConnection alice = clients.login("alice", "alice-pw");
        MultiUserChat aliceMuc = muc(alice, room);
        aliceMuc.create(nick("alice"));
        FillableForm form = aliceMuc.getConfigurationForm().getFillableForm();
        form.setAnswer("muc#roomconfig_roomname", name);
        form.setAnswer("muc#roomconfig_roomdesc", "described once");
        form.setAnswer("muc#roomconfig_persistentroom", true);
        form.setAnswer("muc#roomconfig_publicroom", true);
        form.setAnswer("muc#roomconfig_allowinvites", true);
        form.setAnswer("muc#roomconfig_whois", "anyone");
        aliceMuc.sendConfigurationForm(form);

        aliceMuc.grantAdmin(bare("bob"));
        aliceMuc.grantMembership(bare("carol"));
        aliceMuc.banUser(bare("dave"), BAN_REASON);
        aliceMuc.changeSubject("Subject of " + name);
        for (int i = 1; i <= HISTORY_MESSAGES; i++) {
            aliceMuc.sendMessage("message " + i);
            // The reflected message is the room's acknowledgement that it took (and stored) it.
            assertEquals("message " + i, nextBody(aliceMuc).getBody());
        }
        return aliceMuc;
    }

    /** Checks the room as furnished, through fresh clients; returns its description. */
    private String assertRoomIntact(EntityBareJid room, String name, String description) throws Exception {
        try (SmackClients clients = new SmackClients(host)) {
            XMPPConnection alice = clients.login("alice", "alice-pw");
            XMPPConnection bob = clients.login("bob", "bob-pw");
            MultiUserChat aliceMuc = muc(alice, room);
            // XEP-0045 §7.2: an existing room is entered, not created (no 201, no lock).
            aliceMuc.join(aliceMuc.getEnterConfigurationBuilder(nick("alice")).requestNoHistory().build());

            Form config = aliceMuc.getConfigurationForm();
            assertEquals(name, value(config, "muc#roomconfig_roomname"));
            assertEquals("1", bool(value(config, "muc#roomconfig_persistentroom")));
            assertEquals("1", bool(value(config, "muc#roomconfig_publicroom")));
            assertEquals("1", bool(value(config, "muc#roomconfig_allowinvites")));
            assertEquals("anyone", value(config, "muc#roomconfig_whois"));
            String kept = value(config, "muc#roomconfig_roomdesc");
            if (description != null) {
                assertEquals(description, kept);
            }

            assertEquals(Set.of(bare("alice")), jids(aliceMuc.getOwners()));
            assertEquals(Set.of(bare("bob")), jids(aliceMuc.getAdmins()));
            assertEquals(Set.of(bare("carol")), jids(aliceMuc.getMembers()));
            List<MUCItem> outcasts = outcasts(alice, room);
            assertEquals(1, outcasts.size(), outcasts.toString());
            assertEquals(bare("dave"), outcasts.get(0).getJid());
            assertEquals(BAN_REASON, outcasts.get(0).getReason());

            // XEP-0045 §7.2.13 (history with delay) and §7.2.15 (then the subject), for a new joiner.
            MultiUserChat bobMuc = muc(bob, room);
            bobMuc.join(nick("bob"));
            for (int i = 1; i <= HISTORY_MESSAGES; i++) {
                Message past = nextBody(bobMuc);
                assertEquals("message " + i, past.getBody());
                assertNotNull(DelayInformation.from(past), "history without <delay/>: " + past.toXML());
            }
            awaitSubject(bobMuc, "Subject of " + name);
            assertEquals("Subject of " + name, MultiUserChatManager.getInstanceFor(bob).getRoomInfo(room).getSubject());
            return kept;
        }
    }

    private static void submitDescription(MultiUserChat muc, String description) throws Exception {
        IQ result = muc.getXmppConnection().sendIqRequestAndWaitForResponse(
                descriptionChange(muc.getRoom(), muc.getConfigurationForm(), description));
        assertEquals(IQ.Type.result, result.getType());
    }

    /** XEP-0045 §10.2: an owner's form submission changing only the description. */
    private static MUCOwner descriptionChange(EntityBareJid room, Form current, String description) {
        FillableForm form = current.getFillableForm();
        form.setAnswer("muc#roomconfig_roomdesc", description);
        MUCOwner iq = new MUCOwner();
        iq.setTo(room);
        iq.setType(IQ.Type.set);
        iq.addExtension(form.getDataFormToSubmit());
        return iq;
    }

    private static List<MUCItem> outcasts(XMPPConnection connection, EntityBareJid room) throws Exception {
        MUCAdmin query = new MUCAdmin();
        query.setTo(room);
        query.setType(IQ.Type.get);
        query.addItem(new MUCItem(MUCAffiliation.outcast));
        MUCAdmin answer = connection.sendIqRequestAndWaitForResponse(query);
        return answer.getItems();
    }

    private static int revision(String description) {
        assertTrue(description.startsWith("revision "), "not a revision: " + description);
        return Integer.parseInt(description.substring("revision ".length()));
    }

    /** The next groupchat message with a body (skipping the subject message), within the reply timeout. */
    static Message nextBody(MultiUserChat muc) throws Exception {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            Message message = muc.nextMessage(Math.max(1, deadline - System.currentTimeMillis()));
            if (message != null && message.getBody() != null) {
                return message;
            }
        }
        throw new AssertionError("no groupchat message with a body reached " + muc.getXmppConnection().getUser());
    }

    /** Bounded wait: the subject comes after the join presence and history (XEP-0045 §7.2.15), async in Smack. */
    private static void awaitSubject(MultiUserChat muc, String subject) throws InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (!subject.equals(muc.getSubject()) && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(subject, muc.getSubject());
    }

    private static void assertError(StanzaError.Condition condition, ThrowingCall call) {
        XMPPErrorException error = assertThrows(XMPPErrorException.class, call::run);
        assertEquals(condition, error.getStanzaError().getCondition(), error.getStanzaError().toXML().toString());
    }

    @FunctionalInterface
    private interface ThrowingCall {
        void run() throws Exception;
    }

    private static String value(Form form, String field) {
        FormField f = form.getField(field);
        assertNotNull(f, field + " missing from the configuration form");
        return f.getFirstValue();
    }

    private static String bool(String value) {
        return "true".equals(value) ? "1" : "false".equals(value) ? "0" : value;
    }

    private static Set<Object> jids(List<Affiliate> affiliates) {
        return affiliates.stream().map(Affiliate::getJid).collect(Collectors.toSet());
    }

    static MultiUserChat muc(XMPPConnection connection, EntityBareJid room) {
        return MultiUserChatManager.getInstanceFor(connection).getMultiUserChat(room);
    }

    static EntityBareJid room(String local) throws Exception {
        return JidCreate.entityBareFrom(local + "@" + COMPONENT);
    }

    private static org.jxmpp.jid.BareJid bare(String user) throws Exception {
        return JidCreate.bareFrom(user + "@" + DOMAIN);
    }

    private static DomainBareJid service() throws Exception {
        return JidCreate.domainBareFrom(COMPONENT);
    }

    static Resourcepart nick(String nick) throws Exception {
        return Resourcepart.from(nick);
    }
}
