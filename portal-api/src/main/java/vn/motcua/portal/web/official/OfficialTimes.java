package vn.motcua.portal.web.official;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;

import org.springframework.stereotype.Component;

/**
 * Moments and days as officials read them, in Vietnam time whatever the server's zone ({@code @officialTimes} in the
 * officials' templates): "07/12/2026 14:30", "07/12/2026".
 */
@Component("officialTimes")
public class OfficialTimes {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public String at(Object moment) {
        if (moment instanceof Instant instant) {
            return MOMENT.format(instant);
        }
        if (moment instanceof java.util.Date date) {
            return MOMENT.format(date.toInstant());
        }
        return moment == null ? "" : moment.toString();
    }

    public String day(Object day) {
        if (day instanceof LocalDate date) {
            return DAY.format(date);
        }
        if (day instanceof String text && text.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return DAY.format(LocalDate.parse(text));
        }
        if (day instanceof TemporalAccessor temporal) {
            return at(Instant.from(temporal));
        }
        return day == null ? "" : day.toString();
    }

    /** An amount of Vietnamese đồng, grouped by dots as written in Vietnam: "1.000.000 đ". */
    public String vnd(Object amount) {
        if (!(amount instanceof Number number)) {
            return "";
        }
        return String.format(java.util.Locale.GERMANY, "%,d", number.longValue()) + " đ";
    }
}
