package org.xcs.relay.stun;

import java.security.GeneralSecurityException;
import java.util.zip.CRC32;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** The MAC and checksum computations over message prefixes, without copying the message. */
final class Integrity {

    static final long FINGERPRINT_XOR = 0x5354554EL;

    // Mac.getInstance walks the JCE providers each time; one instance per thread and algorithm, re-keyed per use.
    private static final ThreadLocal<Mac> SHA1 = ThreadLocal.withInitial(() -> newMac("HmacSHA1"));
    private static final ThreadLocal<Mac> SHA256 = ThreadLocal.withInitial(() -> newMac("HmacSHA256"));

    private Integrity() {
    }

    /**
     * HMAC over buf[start, end) with the header's length field replaced by {@code lengthField}: RFC 8489 §14.5 and
     * §14.6 compute it "as if" the message ended with the integrity attribute.
     */
    private static byte[] hmac(Mac mac, IntegrityKey key, byte[] buf, int start, int end, int lengthField) {
        String algorithm = mac.getAlgorithm();
        try {
            // SecretKeySpec refuses an empty key; HMAC pads keys with zeros (RFC 2104 §2), so one zero byte is it.
            byte[] k = key.bytes().length == 0 ? new byte[1] : key.bytes();
            mac.init(new SecretKeySpec(k, algorithm));
            mac.update(buf, start, 2);
            mac.update((byte) (lengthField >>> 8));
            mac.update((byte) lengthField);
            mac.update(buf, start + 4, end - start - 4);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " refused a key", e);
        }
    }

    static byte[] hmacSha1(IntegrityKey key, byte[] buf, int start, int end, int lengthField) {
        return hmac(SHA1.get(), key, buf, start, end, lengthField);
    }

    static byte[] hmacSha256(IntegrityKey key, byte[] buf, int start, int end, int lengthField) {
        return hmac(SHA256.get(), key, buf, start, end, lengthField);
    }

    private static Mac newMac(String algorithm) {
        try {
            return Mac.getInstance(algorithm);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(algorithm + " is required of every Java platform", e);
        }
    }

    /** RFC 8489 §14.7: CRC-32 of the message up to the FINGERPRINT attribute, xored with 0x5354554e. */
    static long fingerprint(byte[] buf, int start, int end) {
        CRC32 crc = new CRC32();
        crc.update(buf, start, end - start);
        return crc.getValue() ^ FINGERPRINT_XOR;
    }
}
