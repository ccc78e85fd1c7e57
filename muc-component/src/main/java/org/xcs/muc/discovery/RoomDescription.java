package org.xcs.muc.discovery;

import org.xcs.common.disco.DiscoInfo;
import org.xcs.common.disco.Identity;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.FieldType;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;

/**
 * A room's disco#info (XEP-0045 §6.4): the conference/text identity named after the room, one feature of each
 * pair of room types registered in §16.3, so that a client can judge the room's privacy before entering it
 * (§6.4, §14), and the XEP-0128 {@code muc#roominfo} form (§16.5.4).
 */
final class RoomDescription {

    /** XEP-0045 §16.3 room features. */
    static final String PUBLIC = "muc_public";
    static final String HIDDEN = "muc_hidden";
    static final String PERSISTENT = "muc_persistent";
    static final String TEMPORARY = "muc_temporary";
    static final String OPEN = "muc_open";
    static final String MEMBERS_ONLY = "muc_membersonly";
    static final String MODERATED = "muc_moderated";
    static final String UNMODERATED = "muc_unmoderated";
    static final String NON_ANONYMOUS = "muc_nonanonymous";
    static final String SEMI_ANONYMOUS = "muc_semianonymous";
    static final String PASSWORD_PROTECTED = "muc_passwordprotected";
    static final String UNSECURED = "muc_unsecured";

    private RoomDescription() {
    }

    static DiscoInfo of(Room room) {
        RoomConfig c = room.config();
        DiscoInfo.Builder info = DiscoInfo.builder()
                .identity(new Identity("conference", "text", displayName(room)))
                .feature(MucNamespaces.MUC)
                .feature(MucNamespaces.STABLE_ID) // §7.4 note: messaging reflects the sender's message id
                .feature(Namespaces.SID) // XEP-0359 'Discovering Support': the room stamps stanza-ids by its own JID
                .feature(MucNamespaces.SELF_PING) // XEP-0410 §4: messaging answers self-pings
                .feature(Namespaces.DISCO_ITEMS) // §6.5: a room answers disco#items
                .feature(MucNamespaces.REGISTER); // §7.10: registration with the room
        if (c.allowVoiceRequests) {
            // §7.13: visitors may ask for voice. Not a feature of the §16 registry, but the muc#request FORM_TYPE
            // is what Prosody and ejabberd advertise and what clients look for before offering the request.
            info.feature(MucNamespaces.REQUEST);
        }
        return info
                .feature(c.publicRoom ? PUBLIC : HIDDEN)
                .feature(c.persistentRoom ? PERSISTENT : TEMPORARY)
                .feature(c.membersOnly ? MEMBERS_ONLY : OPEN)
                .feature(c.moderatedRoom ? MODERATED : UNMODERATED)
                .feature(c.nonAnonymous() ? NON_ANONYMOUS : SEMI_ANONYMOUS)
                .feature(c.passwordProtected ? PASSWORD_PROTECTED : UNSECURED)
                .form(roomInfo(room))
                .build();
    }

    /** The room's natural name (muc#roomconfig_roomname), else its node, as Prosody and ejabberd show it. */
    static String displayName(Room room) {
        String name = room.config().name;
        return name == null || name.isBlank() ? room.name() : name;
    }

    /** XEP-0045 §6.4 and §16.5.4 (muc#roominfo); any muc#roomconfig field may be included too. */
    private static Form roomInfo(Room room) {
        RoomConfig c = room.config();
        Form.Builder form = Form.builder(FormType.RESULT).formType(MucNamespaces.ROOMINFO)
                .field(text("muc#roominfo_description", "Description", c.description))
                .field(text("muc#roomconfig_roomname", "Natural-Language Room Name", displayName(room)))
                .field(text("muc#roominfo_occupants", "Number of occupants",
                        Integer.toString(room.occupantCount())))
                .field(text("muc#roominfo_subject", "Current Discussion Topic", room.subject().text()))
                .field(bool("muc#roominfo_subjectmod", "The room subject can be modified by participants",
                        c.changeSubject))
                .field(bool("muc#roomconfig_changesubject", "Subject can be modified", c.changeSubject))
                .field(text("muc#maxhistoryfetch", "Maximum Number of History Messages Returned by Room",
                        Integer.toString(c.historyLength)));
        if (!c.lang.isEmpty()) {
            form.field(text("muc#roominfo_lang", "Language of discussion", c.lang));
        }
        if (!c.contactJids.isEmpty()) {
            form.field(Field.builder("muc#roominfo_contactjid", FieldType.JID_MULTI).label("Contact Addresses")
                    .values(c.contactJids).build());
        }
        if (!c.pubsub.isEmpty()) {
            form.field(text("muc#roomconfig_pubsub", "Associated pubsub node", c.pubsub));
        }
        return form.build();
    }

    private static Field text(String var, String label, String value) {
        return Field.builder(var, FieldType.TEXT_SINGLE).label(label).value(value).build();
    }

    private static Field bool(String var, String label, boolean value) {
        return Field.builder(var, FieldType.BOOLEAN).label(label).value(value).build();
    }
}
