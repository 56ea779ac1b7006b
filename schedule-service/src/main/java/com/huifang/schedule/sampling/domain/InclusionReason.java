package com.huifang.schedule.sampling.domain;

/**
 * Cases always sampled, whatever the ratio (seed 001 §4: 新簽合同、新員工的服務、曾被投訴的員工).
 * A household carries the reason when its service event has the matching flag attribute set to "true".
 */
public enum InclusionReason {
    NEW_CONTRACT("newContract"),
    NEW_STAFF_WORK("newStaff"),
    STAFF_COMPLAINED_BEFORE("staffComplainedBefore");

    private final String attribute;

    InclusionReason(String attribute) {
        this.attribute = attribute;
    }

    /** The service-event attribute that marks this reason. */
    public String attribute() {
        return attribute;
    }
}
