package vn.motcua.eoffice.forms;

import java.text.Normalizer;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Locale;

/** Small shared rules of how the forms write things: dates, times and money the Vietnamese way. */
final class Forms {

    static final Locale VIETNAMESE = Locale.forLanguageTag("vi-VN");
    static final String BLANK = "—";

    private Forms() {
    }

    static <T> T require(T value, String name) {
        if (value == null || value instanceof String text && text.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value;
    }

    /** Text as printed: composed (NFC) so that each Vietnamese letter is one glyph; blank shown as a dash. */
    static String text(String value) {
        return value == null || value.isBlank() ? BLANK : Normalizer.normalize(value.strip(), Normalizer.Form.NFC);
    }

    static String upper(String value) {
        return text(value).toUpperCase(VIETNAMESE);
    }

    /**
     * "ngày 05 tháng 02 năm 2026": Decree 30/2020/ND-CP writes days below 10 and the months January and
     * February with a leading zero.
     */
    static String longDate(LocalDate date) {
        if (date == null) {
            return "ngày … tháng … năm …";
        }
        return "ngày " + (date.getDayOfMonth() < 10 ? "0" : "") + date.getDayOfMonth()
                + " tháng " + (date.getMonthValue() < 3 ? "0" : "") + date.getMonthValue()
                + " năm " + date.getYear();
    }

    /** "09 giờ 15 phút, ngày 22 tháng 11 năm 2026" in the agency's time zone. */
    static String longTime(Instant at, ZoneId zone) {
        ZonedDateTime local = at.atZone(zone);
        return "%02d giờ %02d phút, %s".formatted(local.getHour(), local.getMinute(), longDate(local.toLocalDate()));
    }

    /** "22/11/2026 09:15" in the agency's time zone, or a dash. */
    static String shortTime(Instant at, ZoneId zone) {
        if (at == null) {
            return BLANK;
        }
        ZonedDateTime local = at.atZone(zone);
        return "%02d/%02d/%d %02d:%02d".formatted(local.getDayOfMonth(), local.getMonthValue(), local.getYear(),
                local.getHour(), local.getMinute());
    }

    /** "27/11/2026", or a dash. */
    static String shortDate(LocalDate date) {
        return date == null ? BLANK : "%02d/%02d/%d".formatted(date.getDayOfMonth(), date.getMonthValue(), date.getYear());
    }

    /** "500.000 đồng": Vietnamese groups thousands with dots. */
    static String money(long vnd) {
        return vnd == 0 ? "Không thu phí, lệ phí" : String.format(Locale.ROOT, "%,d", vnd).replace(',', '.') + " đồng";
    }

    /** "01", "02" … as counts are written on the forms; zero as a dash. */
    static String count(int n) {
        return n == 0 ? BLANK : n < 10 ? "0" + n : Integer.toString(n);
    }
}
