package vn.motcua.engine.calendar;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A day off computed from the law for every year: a public holiday (ngày nghỉ lễ, tết) or the
 * compensatory day (ngày nghỉ bù) given for one that fell on a weekly day off. The name is the
 * Vietnamese one shown to people.
 */
public record Holiday(LocalDate date, String name, Kind kind) {

    public enum Kind {
        /** A public holiday of Labor Code 2019 Art. 112(1). */
        PUBLIC_HOLIDAY,
        /** A compensatory day off of Labor Code 2019 Art. 112(3). */
        COMPENSATORY
    }

    public Holiday {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(kind, "kind");
    }
}
