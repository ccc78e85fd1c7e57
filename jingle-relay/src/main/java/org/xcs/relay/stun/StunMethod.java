package org.xcs.relay.stun;

import java.util.Optional;

/** The methods we serve: Binding (RFC 8489 §18.2) and the TURN methods (RFC 8656 §17). */
public enum StunMethod {
    BINDING(0x001),
    ALLOCATE(0x003),
    REFRESH(0x004),
    SEND(0x006),
    DATA(0x007),
    CREATE_PERMISSION(0x008),
    CHANNEL_BIND(0x009);

    private final int code;

    StunMethod(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<StunMethod> fromCode(int code) {
        for (StunMethod m : values()) {
            if (m.code == code) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
