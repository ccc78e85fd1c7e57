package org.xcs.muc.messaging;

import java.time.Duration;
import org.xcs.common.router.IqTracker;
import org.xcs.muc.MucContext;

/** Groupchat messages (XEP-0045 §7.4), private messages and IQs (§7.5), invitations and declines (§7.8), voice requests (§7.13, §8.6), subject changes (§8.1). */
public final class Messaging {
    /** How long a forwarded IQ waits for the occupant's answer before the requester gets remote-server-timeout. */
    static final Duration OCCUPANT_IQ_TIMEOUT = Duration.ofSeconds(30);

    private Messaging() {
    }

    /** Registers this area's handlers, disco features and form fields. */
    public static void install(MucContext context) {
        install(context, OCCUPANT_IQ_TIMEOUT);
    }

    static void install(MucContext context, Duration occupantIqTimeout) {
        RoomMessages out = new RoomMessages(context);
        // Answers to the IQs the rooms forward to occupants (XEP-0045 §17.4) come back as IQ results and errors.
        IqTracker tracker = new IqTracker(context.sender());
        context.router().onResponse(tracker);
        context.router().onFullJidIqAsync(new OccupantIqs(context, tracker, occupantIqTimeout));
        context.router().onMessage(new MessageDispatch(context,
                new Groupchat(context, out),
                new SubjectChange(context, out),
                new PrivateMessages(context),
                new Invitations(context),
                new VoiceRequests(context, out),
                new DeliveryErrors(context)));
    }
}
