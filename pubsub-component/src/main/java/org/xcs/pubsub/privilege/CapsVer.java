package org.xcs.pubsub.privilege;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.dom4j.Element;
import org.dom4j.Namespace;
import org.dom4j.QName;
import org.xcs.common.stanza.Namespaces;

/**
 * XEP-0115 §5.1 verification string of a disco#info result, to check the {@code ver} a presence announced
 * (§5.4): a result that does not hash to it is not cached for other resources.
 */
final class CapsVer {
    private static final QName LANG = QName.get("lang", Namespace.XML_NAMESPACE);
    /** The IANA hash names XEP-0115 §5.1 allows, as Java knows them (md2/md5 are not worth trusting). */
    private static final Map<String, String> ALGORITHMS = Map.of("sha-1", "SHA-1", "sha-224", "SHA-224",
            "sha-256", "SHA-256", "sha-384", "SHA-384", "sha-512", "SHA-512");

    private CapsVer() {
    }

    static boolean supports(String hash) {
        return hash != null && ALGORITHMS.containsKey(hash);
    }

    /** Whether {@code query} (a disco#info result) hashes to {@code ver} with {@code hash}. */
    static boolean verifies(Element query, String hash, String ver) {
        String computed = generate(query, hash);
        return computed != null && computed.equals(ver);
    }

    /**
     * The verification string, or null when the algorithm is unknown or the result breaks a §5.4 rule (duplicate
     * identity or feature, two forms of one FORM_TYPE, a FORM_TYPE that is not hidden).
     */
    static String generate(Element query, String hash) {
        String algorithm = ALGORITHMS.get(hash);
        if (algorithm == null || query == null || !Namespaces.DISCO_INFO.equals(query.getNamespaceURI())) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        List<String> identities = new ArrayList<>();
        for (Element identity : query.elements("identity")) {
            identities.add(value(identity.attributeValue("category")) + "/" + value(identity.attributeValue("type"))
                    + "/" + value(identity.attributeValue(LANG)) + "/" + value(identity.attributeValue("name")));
        }
        List<String> features = new ArrayList<>();
        for (Element feature : query.elements("feature")) {
            features.add(value(feature.attributeValue("var")));
        }
        if (new HashSet<>(identities).size() != identities.size()
                || new HashSet<>(features).size() != features.size()) {
            return null;
        }
        // §5.1: sort by octets ("i;octet", RFC 4790), i.e. by UTF-8 bytes, not by UTF-16 chars.
        identities.sort(OCTETS);
        features.sort(OCTETS);
        identities.forEach(i -> s.append(i).append('<'));
        features.forEach(f -> s.append(f).append('<'));
        TreeMap<String, String> forms = new TreeMap<>(OCTETS);
        for (Element x : query.elements(QName.get("x", Namespaces.DATA_FORMS))) {
            Element formType = null;
            TreeMap<String, List<String>> fields = new TreeMap<>(OCTETS);
            for (Element field : x.elements("field")) {
                String var = field.attributeValue("var");
                if ("FORM_TYPE".equals(var)) {
                    formType = field;
                } else if (var != null) {
                    List<String> values = new ArrayList<>();
                    field.elements("value").forEach(v -> values.add(v.getText()));
                    values.sort(OCTETS);
                    fields.put(var, values);
                }
            }
            if (formType == null) {
                continue; // §5.4 3.6: a form without FORM_TYPE is ignored
            }
            if (!"hidden".equals(formType.attributeValue("type"))) {
                return null;
            }
            String type = formType.elementText("value");
            StringBuilder form = new StringBuilder(value(type)).append('<');
            fields.forEach((var, values) -> {
                form.append(var).append('<');
                values.forEach(v -> form.append(v).append('<'));
            });
            if (forms.put(value(type), form.toString()) != null) {
                return null;
            }
        }
        forms.values().forEach(s::append);
        try {
            byte[] digest = MessageDigest.getInstance(algorithm).digest(s.toString().getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            return null;
        }
    }

    private static final Comparator<String> OCTETS = (a, b) -> {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] y = b.getBytes(StandardCharsets.UTF_8);
        return java.util.Arrays.compareUnsigned(x, y);
    };

    private static String value(String s) {
        return s == null ? "" : s;
    }

    /** The features a disco#info result lists. */
    static Set<String> features(Element query) {
        Set<String> features = new HashSet<>();
        if (query != null) {
            for (Element feature : query.elements("feature")) {
                if (feature.attributeValue("var") != null) {
                    features.add(feature.attributeValue("var"));
                }
            }
        }
        return Set.copyOf(features);
    }
}
