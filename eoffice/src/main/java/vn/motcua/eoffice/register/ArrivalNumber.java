package vn.motcua.eoffice.register;

import java.time.LocalDate;

/** Số đến: the consecutive arrival number of an incoming document within the year, "05" below 10. */
public record ArrivalNumber(int number, String formatted, LocalDate arrivedOn) {
}
