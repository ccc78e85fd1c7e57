package org.xcs.pubsub.privilege;

import java.util.Map;
import java.util.Set;

/**
 * What one host granted this component, as last announced: XEP-0356 permissions ({@code privilegeVersion} 0 while
 * no {@code <privilege/>} came) and XEP-0355 delegated namespaces ({@code delegationVersion} 0 while none came).
 * {@code iq} maps a namespace to "get", "set" or "both" (XEP-0356 v2 §6; v1 has no IQ permission).
 */
public record Grants(int privilegeVersion, Roster roster, boolean rosterPush, MessagePerm message,
                     PresencePerm presence, Map<String, String> iq, int delegationVersion, Set<String> delegated) {

    public static final Grants NONE = new Grants(0, Roster.NONE, false, MessagePerm.NONE, PresencePerm.NONE,
            Map.of(), 0, Set.of());

    public Grants {
        iq = Map.copyOf(iq);
        delegated = Set.copyOf(delegated);
    }

    /** XEP-0356 §3.1 roster permission. */
    public enum Roster {
        NONE("none"), GET("get"), SET("set"), BOTH("both");

        private final String wire;

        Roster(String wire) {
            this.wire = wire;
        }

        public boolean canRead() {
            return this == GET || this == BOTH;
        }

        static Roster fromWire(String value) {
            for (Roster r : values()) {
                if (r.wire.equals(value)) {
                    return r;
                }
            }
            return NONE;
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    /** XEP-0356 §4.1 message permission. */
    public enum MessagePerm {
        NONE("none"), OUTGOING("outgoing");

        private final String wire;

        MessagePerm(String wire) {
            this.wire = wire;
        }

        static MessagePerm fromWire(String value) {
            return OUTGOING.wire.equals(value) ? OUTGOING : NONE;
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    /** XEP-0356 §7.1 presence permission; {@code roster} implies {@code managed_entity} (§7.4). */
    public enum PresencePerm {
        NONE("none"), MANAGED_ENTITY("managed_entity"), ROSTER("roster");

        private final String wire;

        PresencePerm(String wire) {
            this.wire = wire;
        }

        static PresencePerm fromWire(String value) {
            for (PresencePerm p : values()) {
                if (p.wire.equals(value)) {
                    return p;
                }
            }
            return NONE;
        }

        @Override
        public String toString() {
            return wire;
        }
    }

    public boolean canSendMessages() {
        return privilegeVersion > 0 && message == MessagePerm.OUTGOING;
    }

    public boolean canReadRosters() {
        return privilegeVersion > 0 && roster.canRead();
    }

    Grants withPrivileges(int version, Roster roster, boolean push, MessagePerm message, PresencePerm presence,
                          Map<String, String> iq) {
        return new Grants(version, roster, push, message, presence, iq, delegationVersion, delegated);
    }

    Grants withDelegations(int version, Set<String> namespaces) {
        return new Grants(privilegeVersion, roster, rosterPush, message, presence, iq, version, namespaces);
    }
}
