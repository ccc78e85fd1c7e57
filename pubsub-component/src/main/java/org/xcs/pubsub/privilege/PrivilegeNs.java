package org.xcs.pubsub.privilege;

/** Wire namespaces of XEP-0355/0356 (both versions hosts speak), XEP-0115 and RFC 6121 rosters. */
final class PrivilegeNs {
    static final String PRIVILEGE_PREFIX = "urn:xmpp:privilege:";
    static final String DELEGATION_PREFIX = "urn:xmpp:delegation:";
    static final String PRIVILEGE_1 = PRIVILEGE_PREFIX + "1";
    static final String PRIVILEGE_2 = PRIVILEGE_PREFIX + "2";
    static final String DELEGATION_1 = DELEGATION_PREFIX + "1";
    static final String DELEGATION_2 = DELEGATION_PREFIX + "2";
    /** RFC 6121 §2. */
    static final String ROSTER = "jabber:iq:roster";
    /** XEP-0115. */
    static final String CAPS = "http://jabber.org/protocol/caps";
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";

    private PrivilegeNs() {
    }

    /** 1 or 2 for a namespace {@code prefix + N} we speak, else 0. */
    static int version(String namespace, String prefix) {
        if (namespace == null || !namespace.startsWith(prefix)) {
            return 0;
        }
        return switch (namespace.substring(prefix.length())) {
            case "1" -> 1;
            case "2" -> 2;
            default -> 0;
        };
    }

    static String privilege(int version) {
        return PRIVILEGE_PREFIX + version;
    }

    static String delegation(int version) {
        return DELEGATION_PREFIX + version;
    }
}
