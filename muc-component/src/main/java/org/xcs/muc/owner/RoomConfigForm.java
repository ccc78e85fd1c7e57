package org.xcs.muc.owner;

import static org.xcs.muc.owner.RoomConfigFields.*;

import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.xcs.common.stanza.form.Field;
import org.xcs.common.stanza.form.FieldType;
import org.xcs.common.stanza.form.Form;
import org.xcs.common.stanza.form.FormType;
import org.xcs.muc.protocol.MucNamespaces;
import org.xcs.muc.room.Affiliation;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;

/** The configuration form a room sends its owner (XEP-0045 §10.1.3, §10.2): every field with its current value. */
final class RoomConfigForm {

    private RoomConfigForm() {
    }

    static Form of(Room room) {
        RoomConfig c = room.config();
        Form.Builder form = Form.builder(FormType.FORM)
                .title("Configuration for \"" + room.name() + "\" Room")
                .formType(MucNamespaces.ROOMCONFIG);
        if (room.isLocked()) {
            // XEP-0045 §10.1.2/§10.1.3: the room stays locked until this form (or an empty one) is submitted.
            form.instruction("Your room " + room.jid() + " has been created and is locked. Submit this form to "
                    + "configure it, submit an empty form to accept the defaults, or cancel to destroy it.");
        } else {
            form.instruction("Complete this form to modify the configuration of your room.");
        }
        form.field(text(ROOMNAME, "Natural-Language Room Name", c.name))
                .field(text(ROOMDESC, "Short Description of Room", c.description))
                .field(text(LANG, "Natural Language for Room Discussions", c.lang))
                .field(bool(ENABLELOGGING, "Enable Public Logging?", c.enableLogging))
                .field(bool(CHANGESUBJECT, "Allow Occupants to Change Subject?", c.changeSubject))
                .field(bool(ALLOWINVITES, "Allow Members to Invite Others?", c.allowInvites))
                .field(Field.builder(ALLOWPM, FieldType.LIST_SINGLE).label("Who Can Send Private Messages?")
                        .value(wire(c.allowPm))
                        .option("Anyone", "anyone").option("Anyone with Voice", "participants")
                        .option("Moderators Only", "moderators").option("Nobody", "none").build())
                .field(maxUsers(c.maxUsers))
                .field(roles(PRESENCEBROADCAST, "Roles for which Presence is Broadcasted", c.presenceBroadcast))
                .field(roles(GETMEMBERLIST, "Roles and Affiliations that May Retrieve Member List",
                        c.getMemberListRoles))
                .field(bool(PUBLICROOM, "Make Room Publicly Searchable?", c.publicRoom))
                .field(bool(PERSISTENTROOM, "Make Room Persistent?", c.persistentRoom))
                .field(bool(MODERATEDROOM, "Make Room Moderated?", c.moderatedRoom))
                .field(bool(MEMBERSONLY, "Make Room Members-Only?", c.membersOnly))
                .field(bool(PASSWORDPROTECTEDROOM, "Password Required to Enter?", c.passwordProtected))
                .field(Field.builder(ROOMSECRET, FieldType.TEXT_PRIVATE).label("Password").value(c.password).build())
                .field(Field.builder(WHOIS, FieldType.LIST_SINGLE).label("Who May Discover Real JIDs?")
                        .value(wire(c.whois))
                        .option("Moderators Only", "moderators").option("Anyone", "anyone").build())
                .field(bool(ALLOWVOICEREQUESTS, "Allow Visitors to Request Voice?", c.allowVoiceRequests))
                .field(text(MAXHISTORYFETCH, "Maximum Number of History Messages Returned by Room",
                        String.valueOf(c.historyLength)))
                .field(text(HISTORYLENGTH, "Maximum Number of History Messages Kept",
                        String.valueOf(c.historyLength)))
                .field(text(DEFAULTHISTORYMESSAGES, "Number of History Messages Sent by Default on Entry",
                        String.valueOf(c.defaultHistoryMessages)))
                .field(jids(ROOMADMINS, "Room Admins", room.withAffiliation(Affiliation.ADMIN)))
                .field(jids(ROOMOWNERS, "Room Owners", room.withAffiliation(Affiliation.OWNER)))
                .field(Field.builder(CONTACTJID, FieldType.JID_MULTI).label("Contact Addresses")
                        .values(c.contactJids).build())
                .field(text(PUBSUB, "XMPP URI of Associated Publish-Subscribe Node", c.pubsub));
        return form.build();
    }

    static String wire(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    private static Field text(String var, String label, String value) {
        return Field.builder(var, FieldType.TEXT_SINGLE).label(label).value(value).build();
    }

    private static Field bool(String var, String label, boolean value) {
        return Field.builder(var, FieldType.BOOLEAN).label(label).value(value).build();
    }

    private static Field roles(String var, String label, Collection<Role> selected) {
        Field.Builder f = Field.builder(var, FieldType.LIST_MULTI).label(label);
        for (Role role : List.of(Role.MODERATOR, Role.PARTICIPANT, Role.VISITOR)) {
            if (selected.contains(role)) {
                f.value(role.wireName());
            }
        }
        return f.option("Moderator", "moderator").option("Participant", "participant")
                .option("Visitor", "visitor").build();
    }

    private static Field maxUsers(int current) {
        Field.Builder f = Field.builder(MAXUSERS, FieldType.LIST_SINGLE).label("Maximum Number of Occupants")
                .value(current == 0 ? NO_LIMIT : String.valueOf(current));
        // A limit set earlier to a value outside the usual choices is offered too, so the form stays valid as is.
        TreeSet<Integer> choices = new TreeSet<>(MAXUSERS_CHOICES);
        if (current > 0) {
            choices.add(current);
        }
        choices.forEach(n -> f.option(String.valueOf(n), String.valueOf(n)));
        return f.option("None", NO_LIMIT).build();
    }

    private static Field jids(String var, String label, List<JID> jids) {
        Field.Builder f = Field.builder(var, FieldType.JID_MULTI).label(label);
        jids.forEach(f::value);
        return f.build();
    }
}
