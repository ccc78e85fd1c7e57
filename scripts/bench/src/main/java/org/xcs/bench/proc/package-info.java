/** CPU time and resident memory of the server processes under test, read from Linux /proc (proc(5)). */
package org.xcs.bench.proc;
