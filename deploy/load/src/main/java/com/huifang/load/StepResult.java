package com.huifang.load;

/**
 * What one load step produced.
 *
 * @param label       what was measured
 * @param seconds     wall time of the step
 * @param sent        requests sent
 * @param ok          2xx answers
 * @param rejected    4xx answers (the client's fault, e.g. 429 when rate limited)
 * @param serverErrors 5xx answers
 * @param transportErrors connection failures and time-outs
 * @param skipped     open loop only: sends skipped because too many requests were in flight
 * @param p50Millis   median latency of answered requests
 * @param p99Millis   99th percentile latency
 */
public record StepResult(String label, double seconds, long sent, long ok, long rejected, long serverErrors,
                  long transportErrors, long skipped, double p50Millis, double p99Millis) {

    public double okPerSecond() {
        return seconds <= 0 ? 0 : ok / seconds;
    }

    public boolean clean() {
        return serverErrors == 0 && transportErrors == 0 && rejected == 0 && skipped == 0;
    }
}
