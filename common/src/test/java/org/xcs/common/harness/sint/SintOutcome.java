package org.xcs.common.harness.sint;

/**
 * The result of one concrete SINT test: a method, plus the connection kind for SINT's low-level tests (which run once
 * per connection descriptor: tcp, modular, websocket...), empty for normal tests.
 */
public record SintOutcome(SintTestId test, String variant, Status status, String reason, long millis) {

    public enum Status {
        PASSED, FAILED, IMPOSSIBLE
    }

    public SintOutcome {
        reason = oneLine(reason);
    }

    public String label() {
        return variant.isEmpty() ? test.method() : test.method() + " [" + variant + "]";
    }

    public static String describe(Throwable failure) {
        if (failure == null) {
            return "";
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            text += " (cause: " + cause.getClass().getSimpleName() + ": " + cause.getMessage() + ")";
        }
        String site = site(failure);
        // First, so that the 400-character cut of a long assertion message never takes it.
        return site.isEmpty() ? text : "[at " + site + "] " + text;
    }

    /**
     * Where in SINT's test code the failure was thrown: {@code File.java:line} of the first frame in a file named
     * {@code *IntegrationTest.java}, empty when there is none. Two failures of one test with one message (a sync
     * point's "Timeout after 5000ms") are told apart only by this.
     */
    public static String site(Throwable failure) {
        if (failure == null) {
            return "";
        }
        for (StackTraceElement frame : failure.getStackTrace()) {
            String file = frame.getFileName();
            if (file != null && file.endsWith("IntegrationTest.java") && frame.getLineNumber() > 0) {
                return file + ":" + frame.getLineNumber();
            }
        }
        return "";
    }

    private static String oneLine(String text) {
        if (text == null) {
            return "";
        }
        String flat = text.replaceAll("\\s+", " ").strip();
        return flat.length() > 400 ? flat.substring(0, 397) + "..." : flat;
    }
}
