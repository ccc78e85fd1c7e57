package org.xcs.muc.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.xcs.common.store.StoreException;
import org.xcs.muc.room.Role;
import org.xcs.muc.room.Room;
import org.xcs.muc.room.RoomConfig;
import org.xmpp.packet.JID;

class RoomCodecTest {

    private static final RoomCodec CODEC = new RoomCodec();

    private static List<Field> configFields() {
        return Arrays.stream(RoomConfig.class.getFields()).filter(f -> !Modifier.isStatic(f.getModifiers())).toList();
    }

    /** Fails when a RoomConfig field is added without a stored name: it would silently reset on restart. */
    @Test
    void everyRoomConfigurationFieldHasAStoredName() {
        Set<String> fields = configFields().stream().map(Field::getName).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(fields, new TreeSet<>(RoomConfigFields.names()));
    }

    @Test
    void everyRoomConfigurationFieldSurvivesEncodingWithANonDefaultValue() throws Exception {
        RoomConfig config = new RoomConfig();
        RoomConfig defaults = new RoomConfig();
        for (Field f : configFields()) {
            f.set(config, otherThan(f, f.get(defaults)));
            assertNotEquals(f.get(defaults), f.get(config), f.getName() + " was given a non-default value");
        }
        Room room = new Room(new JID("coven@muc.example.test"), config, Instant.EPOCH);
        RoomConfig back = CODEC.decode(CODEC.encode(room)).config();
        for (Field f : configFields()) {
            assertEquals(f.get(config), f.get(back), f.getName());
        }
    }

    @Test
    void anEmptyPresenceBroadcastAndNoContactsStayEmpty() {
        RoomConfig config = new RoomConfig();
        config.presenceBroadcast = EnumSet.noneOf(Role.class);
        Room room = new Room(new JID("coven@muc.example.test"), config, Instant.EPOCH);
        RoomConfig back = CODEC.decode(CODEC.encode(room)).config();
        assertEquals(Set.of(), back.presenceBroadcast);
        assertEquals(List.of(), back.contactJids);
    }

    @Test
    void aRecordOfAnotherFormatVersionIsRefusedNotMisread() {
        byte[] bytes = CODEC.encode(new Room(new JID("coven@muc.example.test"), new RoomConfig(), Instant.EPOCH));
        bytes[0] = (byte) (RoomCodec.VERSION + 1);
        StoreException e = assertThrows(StoreException.class, () -> CODEC.decode(bytes));
        assertEquals("a stored room has format version 2, this build reads 1", e.getMessage());
    }

    @Test
    void aTruncatedRecordIsRefused() {
        byte[] bytes = CODEC.encode(new Room(new JID("coven@muc.example.test"), new RoomConfig(), Instant.EPOCH));
        assertThrows(StoreException.class, () -> CODEC.decode(Arrays.copyOf(bytes, bytes.length - 3)));
    }

    private static Object otherThan(Field f, Object value) {
        Class<?> type = f.getType();
        if (type == String.class) {
            return "changed " + f.getName();
        }
        if (type == boolean.class) {
            return !(Boolean) value;
        }
        if (type == int.class) {
            return (Integer) value + 7;
        }
        if (type.isEnum()) {
            Object[] constants = type.getEnumConstants();
            return Arrays.stream(constants).filter(c -> c != value).findFirst().orElseThrow();
        }
        if (type == Set.class) {
            return EnumSet.of(Role.MODERATOR);
        }
        if (type == List.class) {
            return new java.util.ArrayList<>(List.of("crone1@example.test", "hag66@example.test/with space"));
        }
        throw new AssertionError("no test value for " + f + ": extend otherThan");
    }
}
