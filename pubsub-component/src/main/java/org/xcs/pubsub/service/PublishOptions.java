package org.xcs.pubsub.service;

import java.util.List;
import java.util.Map;

/**
 * XEP-0060 §7.1.5 publish-options: each field is a precondition on the node configuration field of the same var
 * (FORM_TYPE {@code http://jabber.org/protocol/pubsub#publish-options} excluded). When the node is auto-created, the
 * preconditions become its configuration.
 */
public record PublishOptions(Map<String, List<String>> preconditions) {

    public static final String FORM_TYPE = "http://jabber.org/protocol/pubsub#publish-options";

    public PublishOptions {
        preconditions = Map.copyOf(preconditions);
    }
}
