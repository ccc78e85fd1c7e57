/**
 * The benchmark tool: one command starts Prosody and ejabberd (their built-in MUC and PubSub on one domain, our
 * components attached on another) and coturn, runs every scenario against built-in and ours alternately, and prints
 * ratios measured in the same run on the same machine. See BENCHMARKS.md for the method and the latest figures.
 */
package org.xcs.bench;
