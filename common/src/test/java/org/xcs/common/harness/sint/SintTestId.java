package org.xcs.common.harness.sint;

import java.lang.reflect.Method;

/** One SINT test method, named as SINT's {@code enabledTests} option takes it: {@code fully.qualified.Class.method}. */
public record SintTestId(String className, String method) implements Comparable<SintTestId> {

    public static SintTestId of(Method method) {
        // SINT matches enabledTests against the DECLARING class (Configuration.contains(Method, ...)).
        return new SintTestId(method.getDeclaringClass().getName(), method.getName());
    }

    public String enabledTestsEntry() {
        return className + "." + method;
    }

    public String simpleClassName() {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    @Override
    public int compareTo(SintTestId other) {
        int byClass = className.compareTo(other.className);
        return byClass != 0 ? byClass : method.compareTo(other.method);
    }

    @Override
    public String toString() {
        return simpleClassName() + "." + method;
    }
}
