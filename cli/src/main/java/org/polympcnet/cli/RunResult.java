package org.polympcnet.cli;

/**
 * The outcome of one op run in this process.
 *
 * @param revealed party 1's result (null if this process is party 0)
 * @param traffic [party 0, party 1]
 * @param onlineNanos the online phase: the longest apply among the parties this process ran
 * @param transport "memory" or "tcp"
 * @param party null if both parties ran here, else which one did
 */
record RunResult(int n, long[] revealed, Traffic[] traffic, long onlineNanos, String transport, Integer party) {}
