package org.xcs.common.stanza.rsm;

import org.dom4j.DocumentHelper;
import org.dom4j.Element;

import java.util.List;

/** One page and what the result {@code <set/>} says about it (XEP-0059 §2.2). */
public record Page<T>(List<T> items, String first, long firstIndex, String last, long count) {
    public Page {
        items = List.copyOf(items);
    }

    /**
     * §2.2: first (with its index) and last name the page's ends and MUST be absent for an empty page; count is
     * always given, also for max=0 (§2.7).
     */
    public Element toElement() {
        Element set = DocumentHelper.createElement(ResultSetRequest.SET);
        if (!items.isEmpty()) {
            Element f = set.addElement("first");
            f.addAttribute("index", Long.toString(firstIndex));
            f.setText(first);
            set.addElement("last").setText(last);
        }
        set.addElement("count").setText(Long.toString(count));
        return set;
    }

    public void appendTo(Element parent) {
        parent.add(toElement());
    }
}
