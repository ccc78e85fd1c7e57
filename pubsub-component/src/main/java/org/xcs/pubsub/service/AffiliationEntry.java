package org.xcs.pubsub.service;

/** An entity's affiliation with a node (bare JID). */
public record AffiliationEntry(String node, String jid, Affiliation affiliation) {
}
