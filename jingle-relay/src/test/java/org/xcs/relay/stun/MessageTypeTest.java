package org.xcs.relay.stun;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** RFC 8489 §5: the 14-bit type interleaves 12 method bits with 2 class bits. */
class MessageTypeTest {

    private static final TransactionId ID = TransactionId.of(RawStun.TID);

    @Test
    void bindingRequestIs0x0001SuccessIs0x0101ErrorIs0x0111IndicationIs0x0011() {
        assertEquals(0x0001, type(MessageClass.REQUEST, StunMethod.BINDING));
        assertEquals(0x0101, type(MessageClass.SUCCESS_RESPONSE, StunMethod.BINDING));
        assertEquals(0x0111, type(MessageClass.ERROR_RESPONSE, StunMethod.BINDING));
        assertEquals(0x0011, type(MessageClass.INDICATION, StunMethod.BINDING));
    }

    @Test
    void turnMethodsEncodeAsRfc8656Lists() {
        assertEquals(0x0003, type(MessageClass.REQUEST, StunMethod.ALLOCATE));
        assertEquals(0x0103, type(MessageClass.SUCCESS_RESPONSE, StunMethod.ALLOCATE));
        assertEquals(0x0113, type(MessageClass.ERROR_RESPONSE, StunMethod.ALLOCATE));
        assertEquals(0x0004, type(MessageClass.REQUEST, StunMethod.REFRESH));
        assertEquals(0x0016, type(MessageClass.INDICATION, StunMethod.SEND));
        assertEquals(0x0017, type(MessageClass.INDICATION, StunMethod.DATA));
        assertEquals(0x0008, type(MessageClass.REQUEST, StunMethod.CREATE_PERMISSION));
        assertEquals(0x0009, type(MessageClass.REQUEST, StunMethod.CHANNEL_BIND));
    }

    @Test
    void everyTwelveBitMethodAndClassSurvivesEncodingAndParsing() throws Exception {
        for (int method = 0; method <= 0xFFF; method++) {
            for (MessageClass c : MessageClass.values()) {
                byte[] bytes = StunMessage.builder(new StunHeader(c, method, ID)).encode();
                StunMessage back = StunMessage.parse(bytes);
                assertEquals(method, back.methodCode());
                assertEquals(c, back.messageClass());
                assertEquals(0, bytes[0] & 0xC0, "the two top bits stay zero");
            }
        }
    }

    @Test
    void anUnknownMethodParsesAndIsReportedAsSuchForTheServerToAnswer400() throws Exception {
        StunMessage m = StunMessage.parse(RawStun.message(0x0005));
        assertEquals(0x005, m.methodCode());
        assertEquals(java.util.Optional.empty(), m.method());
    }

    private static int type(MessageClass c, StunMethod m) {
        byte[] bytes = StunMessage.builder(c, m, ID).encode();
        return ((bytes[0] & 0xFF) << 8) | (bytes[1] & 0xFF);
    }
}
