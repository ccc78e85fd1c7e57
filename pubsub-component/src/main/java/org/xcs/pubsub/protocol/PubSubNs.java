package org.xcs.pubsub.protocol;

/** The namespaces of XEP-0060 §16.2 and the ones its notifications carry. */
final class PubSubNs {
    static final String PUBSUB = "http://jabber.org/protocol/pubsub";
    static final String OWNER = "http://jabber.org/protocol/pubsub#owner";
    static final String EVENT = "http://jabber.org/protocol/pubsub#event";
    static final String FEATURE_PREFIX = "http://jabber.org/protocol/pubsub#";
    static final String SHIM = "http://jabber.org/protocol/shim";
    static final String COMMANDS = "http://jabber.org/protocol/commands";
    static final String GET_PENDING = "http://jabber.org/protocol/pubsub#get-pending";
    static final String SUBSCRIBE_AUTHORIZATION = "http://jabber.org/protocol/pubsub#subscribe_authorization";
    static final String META_DATA = "http://jabber.org/protocol/pubsub#meta-data";

    private PubSubNs() {
    }
}
