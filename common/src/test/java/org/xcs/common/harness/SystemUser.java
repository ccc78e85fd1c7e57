package org.xcs.common.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;
import java.util.stream.Stream;

/** The host servers' own system users: when we run as root, they must own the dirs they write to. */
final class SystemUser {
    private SystemUser() {
    }

    static boolean currentIsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** Gives the tree to {@code user} (and its group of the same name) when running as root; else does nothing. */
    static void chownTreeIfRoot(Path root, String user) throws IOException {
        if (!currentIsRoot()) {
            return;
        }
        UserPrincipalLookupService lookup = root.getFileSystem().getUserPrincipalLookupService();
        UserPrincipal owner;
        GroupPrincipal group;
        try {
            owner = lookup.lookupPrincipalByName(user);
            group = lookup.lookupPrincipalByGroupName(user);
        } catch (UserPrincipalNotFoundException e) {
            throw new HostException("system user " + user + " does not exist: " + HostExecutables.INSTALL_HINT, e);
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.toList()) {
                PosixFileAttributeView view = Files.getFileAttributeView(path, PosixFileAttributeView.class);
                view.setOwner(owner);
                view.setGroup(group);
            }
        }
    }
}
