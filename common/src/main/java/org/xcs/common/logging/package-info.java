/**
 * Logging set-up shared by all components: Logback writing one line per event to stderr with the component's
 * domain, the level from {@code --log-level}, JUL bridged to SLF4J, and registered secrets masked as a safety net.
 */
package org.xcs.common.logging;
