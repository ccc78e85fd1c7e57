package org.xcs.muc.owner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.xcs.muc.owner.OwnerRequests.getForm;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.IQ;
import org.xmpp.packet.JID;

/** XEP-0045 §15.5.3: the muc#roomconfig form carries every registered field, typed, with the current values. */
class RoomConfigFormTest {
    private static final String ROOM = "coven@muc.example.test";
    private static final String CRONE = "crone1@shakespeare.lit/desktop";
    private final OwnerFixture fixture = new OwnerFixture();

    @AfterEach
    void close() {
        fixture.close();
    }

    @Test
    void theFormCarriesEveryRegisteredRoomconfigFieldWithItsRegisteredType() {
        fixture.room("coven", "crone1@shakespeare.lit", false);
        Form form = formOf(fixture.ask(getForm("config1", CRONE, ROOM)));
        Map<String, String> registered = new LinkedHashMap<>();
        // The XEP-0045 §15.5.3 registry submission, field by field.
        registered.put("muc#maxhistoryfetch", "text-single");
        registered.put("muc#roomconfig_allowpm", "list-single");
        registered.put("muc#roomconfig_allowinvites", "boolean");
        registered.put("muc#roomconfig_changesubject", "boolean");
        registered.put("muc#roomconfig_enablelogging", "boolean");
        registered.put("muc#roomconfig_getmemberlist", "list-multi");
        registered.put("muc#roomconfig_lang", "text-single");
        registered.put("muc#roomconfig_pubsub", "text-single");
        registered.put("muc#roomconfig_maxusers", "list-single");
        registered.put("muc#roomconfig_membersonly", "boolean");
        registered.put("muc#roomconfig_moderatedroom", "boolean");
        // Prosody 0.12 lacks this one, which aborts Smack's integration tests (hosts.md).
        registered.put("muc#roomconfig_passwordprotectedroom", "boolean");
        registered.put("muc#roomconfig_persistentroom", "boolean");
        registered.put("muc#roomconfig_presencebroadcast", "list-multi");
        registered.put("muc#roomconfig_publicroom", "boolean");
        registered.put("muc#roomconfig_roomadmins", "jid-multi");
        registered.put("muc#roomconfig_roomdesc", "text-single");
        registered.put("muc#roomconfig_roomname", "text-single");
        registered.put("muc#roomconfig_roomowners", "jid-multi");
        registered.put("muc#roomconfig_roomsecret", "text-private");
        registered.put("muc#roomconfig_whois", "list-single");
        // Beyond the registry: history as Prosody names it, voice requests as ejabberd does, contact addresses.
        registered.put("muc#roomconfig_historylength", "text-single");
        registered.put("muc#roomconfig_defaulthistorymessages", "text-single");
        registered.put("muc#roomconfig_allowvoicerequests", "boolean");
        registered.put("muc#roomconfig_contactjid", "jid-multi");
        registered.forEach((var, type) -> {
            Field field = form.field(var).orElseThrow(() -> new AssertionError("form lacks " + var));
            assertEquals(type, field.type().orElseThrow().toString(), var);
        });
        assertEquals(FormType.FORM, form.type());
        assertEquals("http://jabber.org/protocol/muc#roomconfig", form.formType().orElseThrow());
        assertEquals(registered.size() + 1, form.fields().size(), "FORM_TYPE and the fields above, nothing else");
    }

    @Test
    void theFormShowsTheCurrentValuesAsDefaults() {
        Room room = fixture.room("coven", "crone1@shakespeare.lit", false);
        room.affiliation(new JID("wiccarocks@shakespeare.lit"), Affiliation.ADMIN, null);
        room.affiliation(new JID("hecate@shakespeare.lit"), Affiliation.ADMIN, null);
        RoomConfig c = room.config().copy();
        c.name = "A Dark Cave";
        c.description = "The place for all good witches!";
        c.maxUsers = 10;
        c.passwordProtected = true;
        c.password = "cauldronburn";
        c.publicRoom = false;
        c.historyLength = 50;
        c.defaultHistoryMessages = 5;
        c.presenceBroadcast = java.util.EnumSet.of(Role.MODERATOR, Role.PARTICIPANT);
        c.getMemberListRoles = java.util.EnumSet.of(Role.MODERATOR);
        c.whois = RoomConfig.Whois.ANYONE;
        c.contactJids = List.of("crone1@shakespeare.lit");
        c.pubsub = "xmpp:pubsub.shakespeare.lit?;node=coven";
        room.config(c);

        Form form = formOf(fixture.ask(getForm("config1", CRONE, ROOM)));
        assertEquals(List.of("A Dark Cave"), values(form, "muc#roomconfig_roomname"));
        assertEquals(List.of("The place for all good witches!"), values(form, "muc#roomconfig_roomdesc"));
        assertEquals(List.of("10"), values(form, "muc#roomconfig_maxusers"));
        assertEquals(List.of("1"), values(form, "muc#roomconfig_passwordprotectedroom"));
        assertEquals(List.of("cauldronburn"), values(form, "muc#roomconfig_roomsecret"));
        assertEquals(List.of("0"), values(form, "muc#roomconfig_publicroom"));
        assertEquals(List.of("0"), values(form, "muc#roomconfig_persistentroom"));
        assertEquals(List.of("50"), values(form, "muc#maxhistoryfetch"));
        assertEquals(List.of("50"), values(form, "muc#roomconfig_historylength"));
        assertEquals(List.of("5"), values(form, "muc#roomconfig_defaulthistorymessages"));
        assertEquals(List.of("moderator", "participant"), values(form, "muc#roomconfig_presencebroadcast"));
        assertEquals(List.of("moderator"), values(form, "muc#roomconfig_getmemberlist"));
        assertEquals(List.of("anyone"), values(form, "muc#roomconfig_whois"));
        assertEquals(List.of("anyone"), values(form, "muc#roomconfig_allowpm"));
        assertEquals(List.of("wiccarocks@shakespeare.lit", "hecate@shakespeare.lit"),
                values(form, "muc#roomconfig_roomadmins"));
        assertEquals(List.of("crone1@shakespeare.lit"), values(form, "muc#roomconfig_roomowners"));
        assertEquals(List.of("crone1@shakespeare.lit"), values(form, "muc#roomconfig_contactjid"));
        assertEquals(List.of("xmpp:pubsub.shakespeare.lit?;node=coven"), values(form, "muc#roomconfig_pubsub"));
    }

    @Test
    void listFieldsOfferTheSpecOptionsAndAnUnusualMaxUsersStaysOffered() {
        Room room = fixture.room("coven", "crone1@shakespeare.lit", false);
        RoomConfig c = room.config().copy();
        c.maxUsers = 2;
        room.config(c);
        Form form = formOf(fixture.ask(getForm("config1", CRONE, ROOM)));
        assertEquals(List.of("2", "10", "20", "30", "50", "100", "none"), options(form, "muc#roomconfig_maxusers"));
        assertEquals(List.of("anyone", "participants", "moderators", "none"), options(form, "muc#roomconfig_allowpm"));
        assertEquals(List.of("moderators", "anyone"), options(form, "muc#roomconfig_whois"));
        assertEquals(List.of("moderator", "participant", "visitor"),
                options(form, "muc#roomconfig_presencebroadcast"));
        assertEquals(List.of("moderator", "participant", "visitor"), options(form, "muc#roomconfig_getmemberlist"));
    }

    @Test
    void aFreshRoomShowsNoLimitAsNoneAndEveryRoleForPresenceAndMemberList() {
        fixture.room("coven", "crone1@shakespeare.lit", true);
        Form form = formOf(fixture.ask(getForm("create1", CRONE, ROOM)));
        assertEquals(List.of("none"), values(form, "muc#roomconfig_maxusers"));
        assertEquals(List.of("moderator", "participant", "visitor"), values(form, "muc#roomconfig_presencebroadcast"));
        assertEquals(List.of("moderator", "participant", "visitor"), values(form, "muc#roomconfig_getmemberlist"));
        assertEquals(List.of("moderators"), values(form, "muc#roomconfig_whois"));
        assertTrue(form.instructions().get(0).contains("locked"), form.instructions().toString());
    }

    private static Form formOf(IQ reply) {
        assertEquals(IQ.Type.result, reply.getType(), reply.toXML());
        return Form.parse(reply.getChildElement().element("x"));
    }

    private static List<String> values(Form form, String var) {
        return form.field(var).orElseThrow().values();
    }

    private static List<String> options(Form form, String var) {
        return form.field(var).orElseThrow().options().stream().map(Field.Option::value).toList();
    }
}
