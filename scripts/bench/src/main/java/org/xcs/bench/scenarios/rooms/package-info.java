/**
 * Scenario 4 of issue 6: a MUC service holding 100,000 persistent rooms (XEP-0045 §10.1.3 persistent rooms
 * survive restarts): how long from process start until it serves, and its RSS then.
 */
package org.xcs.bench.scenarios.rooms;
