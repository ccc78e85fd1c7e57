/**
 * The Smack Integration Test Framework's XEP-0060 (Publish-Subscribe) tests, through a real Prosody whose own
 * pubsub is not loaded, against our component (issue 4, "Done when"); the runner is common's
 * {@code org.xcs.common.harness.sint}.
 */
package org.xcs.pubsub.sint;
