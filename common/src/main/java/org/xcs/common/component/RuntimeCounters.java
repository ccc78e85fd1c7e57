package org.xcs.common.component;

/**
 * A snapshot of what the runtime has done so far.
 *
 * @param connects              successful connections, the first one included
 * @param reconnects            successful connections after a loss
 * @param failedConnectAttempts attempts that ended in a {@link ConnectFailure}
 * @param pingsSent             XEP-0199 pings sent to the host
 * @param pingFailures          pings left unanswered within the timeout, or not writable
 * @param pingsLate             pings unanswered within the timeout while other stanzas from the host arrived (the
 *                              link was kept: the host is busy, not gone)
 * @param outboundBuffered      stanzas waiting for the next connection right now
 * @param outboundBufferedTotal stanzas ever kept for a later connection
 * @param outboundDropped       stanzas dropped because the buffer was full or the runtime had stopped
 * @param inboundRefused        stanzas that arrived while stopping (IQ get/set answered with an error)
 * @param resultsTooLarge       IQ results above the stanza size limit, answered with an error instead
 */
public record RuntimeCounters(long connects, long reconnects, long failedConnectAttempts, long pingsSent,
                              long pingFailures, long pingsLate, int outboundBuffered, long outboundBufferedTotal,
                              long outboundDropped, long inboundRefused, long resultsTooLarge) {
}
