package org.xcs.bench.muc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The live heap is read from jcmd GC.heap_info, whose layout depends on the collector (JDK 17 samples). */
class MucMemoryScenarioTest {

    @Test
    void g1ReportsTheWholeHeapOnOneLine() {
        String info = """
                16826:
                 garbage-first heap   total 397312K, used 17946K [0x0000000687400000, 0x0000000800000000)
                  region size 4096K, 4 young (16384K), 0 survivors (0K)
                 Metaspace       used 8941K, committed 9088K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals(17946L * 1024, MucMemoryScenario.heapUsedBytes(info));
    }

    @Test
    void serialAndParallelHeapsAreTheSumOfTheirGenerationsWithoutMetaspace() {
        String serial = """
                16790:
                 def new generation   total 116160K, used 20659K [0x0000000687400000, 0x000000068f200000)
                  eden space 103296K,  20% used [0x0000000687400000, 0x000000068882ced0, 0x000000068d8e0000)
                  from space 12864K,   0% used [0x000000068d8e0000, 0x000000068d8e0000, 0x000000068e570000)
                 tenured generation   total 258048K, used 300K [0x0000000704d50000, 0x0000000714950000)
                   the space 258048K,   0% used [0x0000000704d50000, 0x0000000704d50000, 0x0000000714950000)
                 Metaspace       used 8937K, committed 9088K, reserved 1114112K
                  class space    used 1062K, committed 1152K, reserved 1048576K
                """;
        assertEquals((20659L + 300) * 1024, MucMemoryScenario.heapUsedBytes(serial));
        String parallel = """
                16868:
                 PSYoungGen      total 113152K, used 19456K [0x0000000782700000, 0x000000078a500000)
                  eden space 97280K, 20% used [0x0000000782700000,0x0000000783a00330,0x0000000788600000)
                 ParOldGen       total 258048K, used 12K [0x0000000687400000, 0x0000000697000000)
                  object space 258048K, 0% used [0x0000000687400000,0x0000000687400000,0x0000000697000000)
                 Metaspace       used 8922K, committed 9088K, reserved 1114112K
                """;
        assertEquals((19456L + 12) * 1024, MucMemoryScenario.heapUsedBytes(parallel));
    }

    @Test
    void anOutputWithoutAHeapIsAnError() {
        assertThrows(IllegalStateException.class,
                () -> MucMemoryScenario.heapUsedBytes("16790:\nNo such process\n"));
    }
}
