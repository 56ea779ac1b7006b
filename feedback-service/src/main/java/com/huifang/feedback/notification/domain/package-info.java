/** Who is told about an issue's warnings, escalations and assignments: pure Java. */
package com.huifang.feedback.notification.domain;
