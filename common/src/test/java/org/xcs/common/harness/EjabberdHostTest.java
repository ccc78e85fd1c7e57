package org.xcs.common.harness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

@RealHostTest
class EjabberdHostTest extends HostHarnessContract {

    @Override
    void requireInstalled() {
        HostTests.requireEjabberd();
    }

    @Override
    TestHost newHost() {
        return EjabberdHost.builder(DOMAIN)
                .component(MUC, MUC_SECRET)
                .component(PUBSUB, PUBSUB_SECRET)
                .build();
    }

    // hosts.md: every host of one ejabberd_service listener is bound to every connection on it.
    @Test
    void eachComponentHasItsOwnListenerThatAcceptsOnlyIt() {
        assertNotEquals(host().componentPort(MUC), host().componentPort(PUBSUB));
        try (RawComponent pubsubOnMucPort = RawComponent.attach(host().componentPort(MUC), PUBSUB, PUBSUB_SECRET)) {
            assertFalse(pubsubOnMucPort.accepted(), "the MUC listener accepted the PubSub component");
        }
    }

    // su's pam_limits would leave beam a soft limit of 1,024 descriptors: a bench of 1,000 clients killed the node.
    @Test
    void theErlangVmMayOpenAsManyFilesAsItsHardLimitAllows() throws Exception {
        ProcessHandle beam = host().processes().stream()
                .filter(p -> p.info().command().orElse("").endsWith("beam.smp")).findFirst().orElseThrow();
        String line = Files.readAllLines(Path.of("/proc", Long.toString(beam.pid()), "limits")).stream()
                .filter(l -> l.startsWith("Max open files")).findFirst().orElseThrow();
        String[] fields = line.substring("Max open files".length()).trim().split("\\s+");
        assertEquals(fields[1], fields[0], "soft vs hard open-file limit of beam: " + line);
    }

    @Override
    void assertSpawnedProcessesAreTracked(List<ProcessHandle> processes) {
        // ejabberdctl (bash, root) -> su -> sh -> beam.smp (user ejabberd): the server is a descendant.
        assertTrue(processes.stream().anyMatch(p -> p.info().command().orElse("").endsWith("beam.smp")),
                "the Erlang VM is not among the tracked processes: " + processes.stream()
                        .map(p -> p.pid() + " " + p.info().command().orElse("?")).toList());
    }
}
