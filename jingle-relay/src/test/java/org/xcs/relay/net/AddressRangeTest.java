package org.xcs.relay.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.util.List;
import org.junit.jupiter.api.Test;

class AddressRangeTest {

    @Test
    void aPrefixMatchesExactlyItsLeadingBits() throws Exception {
        AddressRange r = AddressRange.parse("172.16.0.0/12");
        assertTrue(r.contains(InetAddress.getByName("172.16.0.0")));
        assertTrue(r.contains(InetAddress.getByName("172.31.255.255")));
        assertFalse(r.contains(InetAddress.getByName("172.32.0.0")));
        assertFalse(r.contains(InetAddress.getByName("172.15.255.255")));
    }

    @Test
    void familiesNeverMatchEachOther() throws Exception {
        assertFalse(AddressRange.parse("0.0.0.0/0").contains(InetAddress.getByName("::1")));
        assertFalse(AddressRange.parse("::/0").contains(InetAddress.getByName("127.0.0.1")));
    }

    @Test
    void aBareAddressIsASingleHostAndHostBitsAreCleared() throws Exception {
        assertEquals(AddressRange.parse("::1/128"), AddressRange.parse("::1"));
        assertEquals("10.0.0.0/8", AddressRange.parse("10.1.2.3/8").toString());
    }

    @Test
    void badRangesAreRefusedAndNamesAreNotResolved() {
        for (String s : List.of("10.0.0.0/33", "::/129", "10.0.0.0/", "10.0.0.0/-1", "10.0.0.0/a", "localhost/8",
                "example.org", "")) {
            assertThrows(IllegalArgumentException.class, () -> AddressRange.parse(s), s);
        }
    }
}
