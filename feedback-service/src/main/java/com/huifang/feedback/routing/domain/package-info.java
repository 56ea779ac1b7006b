/** A tenant's category (and severity) → department and owner queue rules; major issues go to leadership. */
package com.huifang.feedback.routing.domain;
