package org.xcs.common.stanza.rsm;

import org.dom4j.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xcs.common.error.XmppException;
import org.xmpp.packet.PacketError;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The XEP-0059 §2 use cases against both in-memory list and NavigableMap sources of ten items i00..i09. */
class PagerTest {
    private final Pager pager = new Pager(5);

    static Stream<PageSource<?>> sources() {
        TreeMap<String, Integer> map = new TreeMap<>();
        List<String> list = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            map.put(String.format("i%02d", i), i);
            list.add(String.format("i%02d", i));
        }
        return Stream.of(NavigableMapSource.of(map), PageSource.ofList(list, s -> s));
    }

    private static <T> List<String> ids(PageSource<T> source, Page<?> page) {
        @SuppressWarnings("unchecked") List<T> items = (List<T>) page.items();
        return items.stream().map(source::idOf).toList();
    }

    private static ResultSetRequest req(Integer max, String after, String before, Long index) {
        return new ResultSetRequest(max, after, before, index);
    }

    @ParameterizedTest
    @MethodSource("sources")
    void limitingReturnsTheFirstItemsWithFirstIndexZeroLastAndCount(PageSource<?> source) {
        Page<?> page = pager.page(source, ResultSetRequest.max(3));
        assertEquals(List.of("i00", "i01", "i02"), ids(source, page));
        assertEquals("<set xmlns=\"http://jabber.org/protocol/rsm\"><first index=\"0\">i00</first>"
                + "<last>i02</last><count>10</count></set>", page.toElement().asXML());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void afterReturnsTheItemsImmediatelyFollowingThatId(PageSource<?> source) {
        Page<?> page = pager.page(source, req(3, "i02", null, null));
        assertEquals(List.of("i03", "i04", "i05"), ids(source, page));
        assertEquals(3, page.firstIndex());
        assertEquals("i03", page.first());
        assertEquals("i05", page.last());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void beforeReturnsTheItemsImmediatelyPrecedingThatIdInOrder(PageSource<?> source) {
        Page<?> page = pager.page(source, req(3, null, "i05", null));
        assertEquals(List.of("i02", "i03", "i04"), ids(source, page));
        assertEquals(2, page.firstIndex());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void anEmptyBeforeAsksForTheLastPage(PageSource<?> source) {
        Page<?> page = pager.page(source, req(4, null, "", null));
        assertEquals(List.of("i06", "i07", "i08", "i09"), ids(source, page));
        assertEquals(6, page.firstIndex()); // §2.2: count minus the items on the last page
    }

    @ParameterizedTest
    @MethodSource("sources")
    void anIndexJumpsToThatPositionAndIsEchoedInFirst(PageSource<?> source) {
        Page<?> page = pager.page(source, req(2, null, null, 7L));
        assertEquals(List.of("i07", "i08"), ids(source, page));
        assertEquals(7, page.firstIndex());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void anIndexAtOrPastTheEndGivesAnEmptyPageWithoutFirstAndLast(PageSource<?> source) {
        Page<?> page = pager.page(source, req(2, null, null, 10L));
        assertTrue(page.items().isEmpty());
        assertEquals("<set xmlns=\"http://jabber.org/protocol/rsm\"><count>10</count></set>",
                page.toElement().asXML());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void pagingAfterTheLastItemGivesAnEmptyPage(PageSource<?> source) {
        Page<?> page = pager.page(source, req(3, "i09", null, null));
        assertTrue(page.items().isEmpty());
        assertNull(page.first());
        assertNull(page.last());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void maxZeroReturnsOnlyTheCount(PageSource<?> source) {
        Page<?> page = pager.page(source, ResultSetRequest.max(0));
        assertTrue(page.items().isEmpty());
        assertEquals("<set xmlns=\"http://jabber.org/protocol/rsm\"><count>10</count></set>",
                page.toElement().asXML());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void anUnknownAfterOrBeforeIdIsItemNotFound(PageSource<?> source) {
        XmppException after = assertThrows(XmppException.class, () -> pager.page(source, req(3, "gone", null, null)));
        assertEquals(PacketError.Condition.item_not_found, after.condition());
        XmppException before = assertThrows(XmppException.class, () -> pager.page(source, req(3, null, "gone", null)));
        assertEquals(PacketError.Condition.item_not_found, before.condition());
    }

    @ParameterizedTest
    @MethodSource("sources")
    void theServiceCapsTheRequestedMaxAndAppliesWhenNoMaxIsGiven(PageSource<?> source) {
        assertEquals(5, pager.page(source, ResultSetRequest.max(1000)).items().size());
        assertEquals(5, pager.page(source, req(null, "i00", null, null)).items().size());
    }

    @Test
    void anEmptySetGivesCountZeroAndNoFirstOrLast() {
        Page<String> page = pager.page(PageSource.ofList(List.of(), s -> s), ResultSetRequest.max(10));
        assertEquals("<set xmlns=\"http://jabber.org/protocol/rsm\"><count>0</count></set>",
                page.toElement().asXML());
    }

    @Test
    void anIdThatCannotBeAKeyIsItemNotFound() {
        TreeMap<Long, String> map = new TreeMap<>(Map.of(1L, "a", 2L, "b"));
        NavigableMapSource<Long, String> source = new NavigableMapSource<>(map, String::valueOf, Long::valueOf);
        assertEquals(List.of("b"), pager.page(source, req(5, "1", null, null)).items().stream()
                .map(Map.Entry::getValue).toList());
        XmppException e = assertThrows(XmppException.class, () -> pager.page(source, req(5, "one", null, null)));
        assertEquals(PacketError.Condition.item_not_found, e.condition());
    }

    /** A billion-item set computed on demand: the pager must only ever ask for one page of it. */
    @Test
    void pagingAHugeSourceOnlyReadsTheRequestedPage() {
        long size = 1_000_000_000L;
        List<Integer> limitsAsked = new ArrayList<>();
        PageSource<Long> huge = new PageSource<>() {
            public long count() { return size; }
            public boolean contains(String id) { long n = Long.parseLong(id); return n >= 0 && n < size; }
            public long indexOf(String id) { return Long.parseLong(id); }
            public String idOf(Long item) { return Long.toString(item); }
            public List<Long> after(String id, int limit) {
                return fromIndex(id == null ? 0 : Long.parseLong(id) + 1, limit);
            }
            public List<Long> before(String id, int limit) {
                long end = id == null ? size : Long.parseLong(id);
                return fromIndex(Math.max(0, end - limit), (int) Math.min(limit, end));
            }
            public List<Long> fromIndex(long index, int limit) {
                limitsAsked.add(limit);
                return IntStream.range(0, (int) Math.min(limit, size - index)).mapToObj(i -> index + i).toList();
            }
        };
        Page<Long> page = pager.page(huge, req(3, null, "", null));
        assertEquals(List.of(999_999_997L, 999_999_998L, 999_999_999L), page.items());
        assertEquals(999_999_997L, page.firstIndex());
        assertEquals(List.of(3), limitsAsked);
        Element set = page.toElement();
        assertEquals("1000000000", set.elementText("count"));
    }

    @Test
    void aPagerNeedsAPositiveCap() {
        assertThrows(IllegalArgumentException.class, () -> new Pager(0));
    }
}
