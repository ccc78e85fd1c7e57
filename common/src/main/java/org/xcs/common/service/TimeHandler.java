package org.xcs.common.service;

import org.dom4j.Element;
import org.xcs.common.disco.DiscoFeature;
import org.xcs.common.disco.DiscoRegistry;
import org.xcs.common.error.XmppException;
import org.xcs.common.router.IqHandler;
import org.xcs.common.stanza.Namespaces;
import org.xcs.common.stanza.datetime.XmppDateTime;
import org.xmpp.packet.IQ;
import org.xmpp.packet.PacketError;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/** XEP-0202 §3: the zone offset ({@code <tzo/>}) in effect now and the UTC time ({@code <utc/>}). */
public final class TimeHandler implements IqHandler, DiscoFeature {
    private final Clock clock;
    private final ZoneId zone;

    public TimeHandler(Clock clock, ZoneId zone) {
        this.clock = clock;
        this.zone = zone;
    }

    @Override
    public IQ handle(IQ request) {
        if (request.getType() != IQ.Type.get) {
            throw new XmppException(PacketError.Condition.bad_request, "entity time is only defined for get");
        }
        // Whole seconds, as in the XEP-0202 examples; the offset is the one in effect at that instant (DST).
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        IQ reply = IQ.createResultIQ(request);
        Element time = reply.setChildElement("time", Namespaces.TIME);
        time.addElement("tzo").setText(XmppDateTime.tzd(zone.getRules().getOffset(now)));
        time.addElement("utc").setText(XmppDateTime.format(now));
        return reply;
    }

    @Override
    public void contributeTo(DiscoRegistry registry) {
        registry.addFeature(Namespaces.TIME); // XEP-0202 §4
    }
}
