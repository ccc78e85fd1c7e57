package org.xcs.muc.admin;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import org.xcs.common.component.PacketSender;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Packet;

/**
 * An already-complete reply whose follow-up stanzas go out right after the router has sent the reply, still on the
 * room's queue: XEP-0045 §8.2/§8.3/§9.1 want "inform the moderator of success, then inform the occupants", and an
 * {@link org.xcs.common.router.AsyncIqHandler}'s reply is sent from the {@code whenComplete} the router attaches.
 * If the router ever stopped calling it, the admin tests that check this order would fail.
 */
final class ReplyThenNotify extends CompletableFuture<IQ> {
    private final PacketSender sender;
    private final List<Packet> afterReply;
    private final AtomicBoolean notified = new AtomicBoolean();

    ReplyThenNotify(IQ reply, PacketSender sender, List<Packet> afterReply) {
        this.sender = sender;
        this.afterReply = List.copyOf(afterReply);
        complete(reply);
    }

    @Override
    public CompletableFuture<IQ> whenComplete(BiConsumer<? super IQ, ? super Throwable> action) {
        CompletableFuture<IQ> next = super.whenComplete(action);
        if (notified.compareAndSet(false, true)) {
            sender.sendAll(afterReply);
        }
        return next;
    }
}
