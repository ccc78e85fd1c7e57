/**
 * The command line every component shares: a Picocli mixin ({@link org.xcs.common.cli.CommonOptions}) with the
 * connection (XEP-0114 host, port, domain, secret), data, logging and liveness options, {@code --config FILE}
 * defaults for any option, and {@link org.xcs.common.cli.Cli}, which runs a component's command and returns the
 * process exit code (2 for bad input, 0 for help and version).
 */
package org.xcs.common.cli;
