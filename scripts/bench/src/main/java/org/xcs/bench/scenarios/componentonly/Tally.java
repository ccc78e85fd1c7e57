package org.xcs.bench.scenarios.componentonly;

import java.util.concurrent.atomic.LongAdder;

import org.xcs.bench.standin.StanzaCounter;
import org.xcs.bench.standin.Stanzas;

/** Counts what a component sends back, by kind, on the link's reader thread. */
final class Tally implements StanzaCounter {
    final LongAdder messages = new LongAdder();
    final LongAdder presences = new LongAdder();
    final LongAdder iqResults = new LongAdder();
    final LongAdder shed = new LongAdder();
    final LongAdder otherErrors = new LongAdder();
    volatile String lastError;

    @Override
    public void stanza(byte[] buf, int len) {
        if (Stanzas.isError(buf, len)) {
            if (Stanzas.isResourceConstraint(buf, len)) {
                shed.increment();
            } else {
                otherErrors.increment();
                lastError = new String(buf, 0, Math.min(len, 600), java.nio.charset.StandardCharsets.UTF_8);
            }
        } else if (Stanzas.isMessage(buf, len)) {
            messages.increment();
        } else if (Stanzas.isPresence(buf, len)) {
            presences.increment();
        } else if (Stanzas.isIq(buf, len)) {
            iqResults.increment();
        }
    }

    long out() {
        return messages.sum() + presences.sum() + iqResults.sum() + shed.sum() + otherErrors.sum();
    }

    long errors() {
        return shed.sum() + otherErrors.sum();
    }
}
