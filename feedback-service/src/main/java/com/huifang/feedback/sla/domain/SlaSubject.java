package com.huifang.feedback.sla.domain;

import java.util.List;
import java.util.Set;

/** What the escalation policy reads of an issue: its clocks, how far it has been escalated, which warnings went out. */
public interface SlaSubject {

    List<SlaTimer> slaTimers();

    EscalationLevel escalationLevel();

    Set<SlaKind> warnedClocks();
}
