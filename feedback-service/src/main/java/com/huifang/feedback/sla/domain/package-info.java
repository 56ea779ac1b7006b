/**
 * SLAs in business hours: targets per category ({@link com.huifang.feedback.sla.domain.SlaPolicy}), timers as
 * data ({@link com.huifang.feedback.sla.domain.SlaTimer}), their reading against the tenant's working calendar
 * ({@link com.huifang.feedback.sla.domain.SlaClock}, built on the {@code calendar} module) and the warnings and
 * escalation steps due ({@link com.huifang.feedback.sla.domain.EscalationPolicy}).
 */
package com.huifang.feedback.sla.domain;
