package org.xcs.common.stanza.sid;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;
import org.dom4j.QName;
import org.xcs.common.stanza.Namespaces;
import org.xmpp.packet.JID;
import org.xmpp.packet.Packet;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** XEP-0359 §2.1: an id unique and stable within the scope of {@code by}, the assigning entity. */
public record StanzaId(String id, JID by) {
    private static final QName STANZA_ID = QName.get("stanza-id", Namespaces.SID);
    private static final QName ORIGIN_ID = QName.get("origin-id", Namespaces.SID);

    public StanzaId {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(by, "by");
    }

    public Element toElement() {
        Element e = DocumentHelper.createElement(STANZA_ID);
        e.addAttribute("id", id);
        e.addAttribute("by", by.toString());
        return e;
    }

    /**
     * Assigns a fresh id by {@code by}: removes any stanza-id already claiming {@code by} (§3: at most one per
     * assigner, and a foreign one claiming to be ours is a forgery) and adds ours. Origin-ids are kept (§2.2).
     */
    public static StanzaId assign(Packet stanza, JID by, IdGenerator ids) {
        removeClaimsBy(stanza, by);
        StanzaId sid = new StanzaId(ids.next(), by);
        stanza.getElement().add(sid.toElement());
        return sid;
    }

    /**
     * XEP-0359 §3: an entity that generates stanza ids MUST delete incoming stanza-ids whose {@code by} matches its
     * own address, even when it adds none. Addresses compare after stringprep, so {@code Room@MUC.example.test}
     * matches too. Returns how many were removed.
     */
    public static int removeClaimsBy(Packet stanza, JID by) {
        Element root = stanza.getElement();
        int removed = 0;
        for (Element e : new ArrayList<>(root.elements(STANZA_ID))) {
            if (by.equals(jidOrNull(e.attributeValue("by")))) {
                root.remove(e);
                removed++;
            }
        }
        return removed;
    }

    /** The well-formed stanza-ids on a stanza (§3: both id and by MUST be present; others are ignored). */
    public static List<StanzaId> all(Packet stanza) {
        List<StanzaId> out = new ArrayList<>();
        for (Element e : stanza.getElement().elements(STANZA_ID)) {
            String id = e.attributeValue("id");
            JID by = jidOrNull(e.attributeValue("by"));
            if (id != null && !id.isEmpty() && by != null) {
                out.add(new StanzaId(id, by));
            }
        }
        return out;
    }

    public static Optional<StanzaId> by(Packet stanza, JID by) {
        return all(stanza).stream().filter(s -> s.by().equals(by)).findFirst();
    }

    /** §2.2: the sender's own id; spoofable (§6), so only for the sender's correlation, never for references. */
    public static Optional<String> originId(Packet stanza) {
        Element e = stanza.getElement().element(ORIGIN_ID);
        return Optional.ofNullable(e).map(o -> o.attributeValue("id")).filter(id -> !id.isEmpty());
    }

    private static JID jidOrNull(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        try {
            return new JID(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
