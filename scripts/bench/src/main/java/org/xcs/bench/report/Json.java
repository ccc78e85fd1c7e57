package org.xcs.bench.report;

import java.util.Map;
import java.util.TreeMap;

/** The run as JSON (RFC 8259), written by hand: a flat, fixed shape needs no JSON library. */
final class Json {
    private Json() {
    }

    static String of(Results results) {
        StringBuilder b = new StringBuilder("{\n  \"notes\": {");
        Map<String, String> notes = new TreeMap<>(results.notes());
        String sep = "\n";
        for (Map.Entry<String, String> e : notes.entrySet()) {
            b.append(sep).append("    ").append(str(e.getKey())).append(": ").append(str(e.getValue()));
            sep = ",\n";
        }
        b.append("\n  },\n  \"figures\": [");
        sep = "\n";
        for (Figure f : results.all()) {
            b.append(sep).append("    {\"scenario\": ").append(str(f.scenario()))
                    .append(", \"host\": ").append(str(f.host()))
                    .append(", \"system\": ").append(str(f.system()))
                    .append(", \"anchor\": ").append(f.anchor() == null ? "null" : str(f.anchor()))
                    .append(", \"metric\": ").append(str(f.metric()))
                    .append(", \"unit\": ").append(str(f.unit()))
                    .append(", \"higherIsBetter\": ").append(f.higherIsBetter())
                    .append(", \"median\": ").append(num(f.median()))
                    .append(", \"min\": ").append(num(f.min()))
                    .append(", \"max\": ").append(num(f.max()))
                    .append(", \"samples\": [");
            String s2 = "";
            for (double v : f.samples()) {
                b.append(s2).append(num(v));
                s2 = ", ";
            }
            b.append("]");
            b.append(", \"advantage\": ").append(results.advantage(f).map(Json::num).orElse("null"));
            b.append(", \"limitedBy\": ").append(f.limitedBy() == null ? "null" : str(f.limitedBy())).append('}');
            sep = ",\n";
        }
        return b.append("\n  ]\n}\n").toString();
    }

    private static String num(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "null";
        }
        return Double.toString(v);
    }

    static String str(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
