package org.xcs.common.stanza.rsm;

import org.dom4j.Element;
import org.dom4j.QName;
import org.xcs.common.error.XmppException;
import org.xcs.common.stanza.Namespaces;
import org.xmpp.packet.PacketError;

import java.util.Optional;

/**
 * A request {@code <set/>}. Null means "not given". {@code before} is "" for an empty {@code <before/>}, which asks
 * for the last page (XEP-0059 §2.5).
 */
public record ResultSetRequest(Integer max, String after, String before, Long index) {
    static final QName SET = QName.get("set", Namespaces.RSM);

    public static ResultSetRequest max(int max) {
        return new ResultSetRequest(max, null, null, null);
    }

    /** The {@code <set/>} directly under {@code parent} (the using protocol's query element), if any. */
    public static Optional<ResultSetRequest> in(Element parent) {
        return Optional.ofNullable(parent.element(SET)).map(ResultSetRequest::parse);
    }

    public static ResultSetRequest parse(Element set) {
        Element max = set.element("max");
        Element after = set.element("after");
        Element before = set.element("before");
        Element index = set.element("index");
        return new ResultSetRequest(
                max == null ? null : Math.toIntExact(Math.min(number(max), Integer.MAX_VALUE)),
                after == null ? null : after.getText(),
                before == null ? null : before.getText(),
                index == null ? null : number(index));
    }

    public boolean asksForLastPage() {
        return before != null && before.isEmpty();
    }

    private static long number(Element e) {
        try {
            long n = Long.parseLong(e.getTextTrim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // falls through to the error below
        }
        // XEP-0059 §6 schema: max and index are xs:int values, and negative ones mean nothing.
        throw new XmppException(PacketError.Condition.bad_request,
                "RSM <" + e.getName() + "/> must be a non-negative integer, got '" + e.getText() + "'");
    }
}
