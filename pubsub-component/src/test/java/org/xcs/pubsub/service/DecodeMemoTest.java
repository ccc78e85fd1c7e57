package org.xcs.pubsub.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DecodeMemoTest {

    private final AtomicInteger decodings = new AtomicInteger();
    private final DecodeMemo<Map<String, List<String>>, SubscriptionOptions> memo = new DecodeMemo<>(fields -> {
        decodings.incrementAndGet();
        return SubscriptionOptions.defaults(NodeType.LEAF).apply(fields);
    }, 2);

    @Test
    void equalFieldMapsAreDecodedOnceAndShareTheResult() {
        SubscriptionOptions first = memo.get(Map.of("pubsub#deliver", List.of("0")));
        SubscriptionOptions second = memo.get(new HashMap<>(Map.of("pubsub#deliver", List.of("0"))));
        assertSame(first, second);
        assertEquals(false, first.deliver());
        assertEquals(1, decodings.get());
    }

    @Test
    void aDecodingThatFailsIsNotKept() {
        Map<String, List<String>> bad = Map.of("pubsub#deliver", List.of("perhaps"));
        assertThrows(PubSubException.class, () -> memo.get(bad));
        assertThrows(PubSubException.class, () -> memo.get(bad));
        assertEquals(2, decodings.get());
    }

    @Test
    void whenFullItStartsOverAndStillAnswersRight() {
        for (String depth : List.of("1", "2", "3", "1")) {
            assertEquals(Integer.parseInt(depth),
                    memo.get(Map.of("pubsub#subscription_depth", List.of(depth))).subscriptionDepth());
        }
        assertEquals(4, decodings.get(), "the first was dropped when the third came");
    }
}
