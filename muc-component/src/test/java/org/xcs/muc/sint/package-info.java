/**
 * The Smack Integration Test Framework (SINT, {@code org.igniterealtime.smack:smack-integration-test}) run as part
 * of the build: every SINT test class whose {@code @SpecificationReference} is XEP-0045 (Multi-User Chat), through a
 * real Prosody, against our MUC component (issue 3, "Done when") and, for reference, against Prosody's own MUC. The runner is
 * common's {@code org.xcs.common.harness.sint}.
 */
package org.xcs.muc.sint;
