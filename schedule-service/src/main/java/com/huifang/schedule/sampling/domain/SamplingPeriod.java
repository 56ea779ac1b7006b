package com.huifang.schedule.sampling.domain;

public enum SamplingPeriod {
    MONTH,
    QUARTER
}
