package com.huifang.customer.imports.parse;

import com.huifang.customer.customer.domain.CustomerProfile;
import java.util.List;

/** One data row of an import: a valid customer profile, or its errors. */
public sealed interface ImportedRow {

    long rowNumber();

    record Valid(long rowNumber, CustomerProfile profile) implements ImportedRow {
    }

    record Invalid(long rowNumber, List<RowError> errors) implements ImportedRow {
        public Invalid {
            errors = List.copyOf(errors);
        }
    }
}
