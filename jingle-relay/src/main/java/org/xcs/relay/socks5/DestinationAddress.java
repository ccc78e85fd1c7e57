package org.xcs.relay.socks5;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** XEP-0065 §10.2: DST.ADDR = hex SHA-1 of (SID + Requester JID + Target JID), 40 lowercase characters. */
public final class DestinationAddress {

    public static final int LENGTH = 40;

    private DestinationAddress() {
    }

    public static String of(String sid, String requesterJid, String targetJid) {
        try {
            MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
            return HexFormat.of().formatHex(sha1.digest((sid + requesterJid + targetJid)
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JRE has SHA-1", e);
        }
    }

    /** What a CONNECT may name: exactly 40 hex digits (clients send lowercase; compared lowercased). */
    static boolean isWellFormed(String address) {
        if (address.length() != LENGTH) {
            return false;
        }
        for (int i = 0; i < LENGTH; i++) {
            if (Character.digit(address.charAt(i), 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
