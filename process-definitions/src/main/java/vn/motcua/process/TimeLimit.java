package vn.motcua.process;

import java.util.Objects;

/**
 * Legal time limit of a procedure as published in the national procedure database; printed
 * on the receipt and appointment (Circular 01/2018/TT-VPCP, Mẫu 01). Computing the due date
 * belongs to the working-day calendar, not here.
 */
public record TimeLimit(int days, DayCount count) {

    public TimeLimit {
        if (days < 0) {
            throw new IllegalArgumentException("time limit must not be negative: " + days);
        }
        Objects.requireNonNull(count, "count");
    }
}
