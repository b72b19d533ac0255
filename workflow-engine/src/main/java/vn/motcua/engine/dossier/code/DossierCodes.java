package vn.motcua.engine.dossier.code;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import vn.motcua.engine.problem.Problem;

/**
 * Dossier codes of Circular 01/2018/TT-VPCP Art. 19: {@code <agency id>-<YYMMDD>-<NNNN>}, a 4-digit
 * sequence per receiving agency and day that restarts daily.
 *
 * <p>The counter is one PostgreSQL row per agency and day, bumped by a single atomic upsert inside the
 * submitting transaction. The row lock serialises concurrent submissions of one agency on one day
 * across threads and application instances; a rolled-back submission gives its number back, so codes
 * have neither duplicates nor gaps.
 */
@Component
public class DossierCodes {

    /**
     * What a dossier code looks like at the doors ({@code @Pattern} of a path variable): the agency's identifier,
     * the day, the 4-digit sequence. One place, so every door refuses the same malformed codes.
     */
    public static final String PATTERN = "[0-9A-Za-z.]{1,40}-\\d{6}-\\d{4}";

    static final int MAX_PER_DAY = 9999;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");

    private final JdbcTemplate jdbc;

    public DossierCodes(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public String next(String agencyId, LocalDate day) {
        Integer number = jdbc.queryForObject("""
                insert into dossier_code_counter (agency_id, day, last_number) values (?, ?, 1)
                on conflict (agency_id, day) do update set last_number = dossier_code_counter.last_number + 1
                returning last_number""", Integer.class, agencyId, day);
        if (number == null || number > MAX_PER_DAY) {
            throw new Problem(Problem.Kind.CONFLICT, "daily-code-range-exhausted",
                    "Đã hết dải số mã hồ sơ trong ngày", "Daily dossier code range exhausted",
                    "Agency " + agencyId + " has received " + MAX_PER_DAY + " dossiers on " + day, null);
        }
        return format(agencyId, day, number);
    }

    static String format(String agencyId, LocalDate day, int number) {
        return "%s-%s-%04d".formatted(agencyId, DAY.format(day), number);
    }
}
