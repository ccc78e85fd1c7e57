package org.xcs.common.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the command name and the version from the jar manifest (Implementation-Version). */
final class VersionProvider implements IVersionProvider {

    private final String name;
    private final Class<?> commandClass;

    VersionProvider(String name, Class<?> commandClass) {
        this.name = name;
        this.commandClass = commandClass;
    }

    @Override
    public String[] getVersion() {
        String version = commandClass.getPackage().getImplementationVersion();
        return new String[] {name + " " + (version != null ? version : "(development build)"),
                "Java " + Runtime.version() + " on " + System.getProperty("os.name")};
    }
}
