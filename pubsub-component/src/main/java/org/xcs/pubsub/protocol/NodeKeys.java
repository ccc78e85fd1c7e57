package org.xcs.pubsub.protocol;

import java.util.function.Function;

import org.dom4j.Element;
import org.xcs.pubsub.service.NodeConfigFields;
import org.xmpp.packet.IQ;
import org.xmpp.packet.Message;
import org.xmpp.packet.Packet;

/**
 * The router's entity key for this service: every node is an entity at the one service JID. A node's requests run
 * in order on its own queue, so a publish fanning out to many subscribers holds up only that node. Requests that
 * change the tree (create, delete, collection links: the core's package doc) and service-wide ones share
 * {@link #SERVICE}, so their notifications on several nodes are not interleaved with one another.
 */
final class NodeKeys implements Function<Packet, String> {
    static final String SERVICE = "";

    @Override
    public String apply(Packet packet) {
        if (packet instanceof IQ iq) {
            Element child = iq.getChildElement();
            if (child == null) {
                return SERVICE;
            }
            String ns = child.getNamespaceURI();
            if (PubSubNs.PUBSUB.equals(ns) || PubSubNs.OWNER.equals(ns)) {
                Element action = child.elements().isEmpty() ? null : child.elements().get(0);
                return action == null || changesTree(iq, action) ? SERVICE : nodeKey(action.attributeValue("node"));
            }
            return nodeKey(child.attributeValue("node"));
        }
        if (packet instanceof Message message) {
            // §8.6: an owner's approval form names its node.
            for (Element x : message.getElement().elements("x")) {
                for (Element field : x.elements("field")) {
                    if ("pubsub#node".equals(field.attributeValue("var"))) {
                        return nodeKey(field.elementText("value"));
                    }
                }
            }
        }
        return SERVICE;
    }

    private static boolean changesTree(IQ iq, Element action) {
        return switch (action.getName()) {
            case "create", "delete", "collection" -> true;
            // XEP-0248 §7.2: configuring parents or children moves the node in the tree.
            case "configure" -> iq.getType() == IQ.Type.set && mentionsTree(action);
            default -> false;
        };
    }

    private static boolean mentionsTree(Element configure) {
        for (Element x : configure.elements("x")) {
            for (Element field : x.elements("field")) {
                String var = field.attributeValue("var");
                if (NodeConfigFields.COLLECTION.equals(var) || NodeConfigFields.CHILDREN.equals(var)
                        || NodeConfigFields.NODE_TYPE.equals(var)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nodeKey(String node) {
        return node == null || node.isEmpty() ? SERVICE : "node:" + node;
    }
}
