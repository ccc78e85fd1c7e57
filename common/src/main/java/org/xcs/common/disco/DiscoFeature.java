package org.xcs.common.disco;

/** Something that announces itself in the service's disco#info (a handler, a room or node feature). */
@FunctionalInterface
public interface DiscoFeature {
    void contributeTo(DiscoRegistry registry);
}
