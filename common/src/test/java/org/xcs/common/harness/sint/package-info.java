/**
 * The Smack Integration Test Framework (SINT, {@code org.igniterealtime.smack:smack-integration-test}) run as part
 * of the build: every SINT test class of one specification ({@link org.xcs.common.harness.sint.SintSuite}, e.g.
 * XEP-0045 Multi-User Chat or XEP-0060 Publish-Subscribe) through a real Prosody against the one service of that
 * kind the host lists. Each component module drives it from its own real-host test.
 */
package org.xcs.common.harness.sint;
