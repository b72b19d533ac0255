package vn.motcua.engine.config;

import java.nio.file.Path;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

import vn.motcua.engine.calendar.LaborCodeHolidays;
import vn.motcua.engine.calendar.WorkingHours;

/**
 * What an agency configures rather than codes: where data lives, the time zone of its legal time,
 * its org units (with their national identifier codes) and its working hours and days off.
 */
@ConfigurationProperties(prefix = "motcua")
public record MotcuaProperties(@DefaultValue("./data") Path dataDir,
                               @DefaultValue("Asia/Ho_Chi_Minh") ZoneId zone,
                               List<OrgUnit> units,
                               @DefaultValue Calendar calendar) {

    public MotcuaProperties {
        units = units == null ? List.of() : List.copyOf(units);
    }

    /**
     * An org unit that receives or handles dossiers. For a receiving agency the id is its code under
     * Circular 10/2016/TT-BTTTT (e.g. {@code 000.00.16.H26}), which prefixes its dossier codes. {@code place} is
     * its place name (địa danh, Decree 30/2020/ND-CP Appendix I), printed before the date of its outgoing
     * documents: "Hà Nội, ngày 22 tháng 11 năm 2026". {@code abbreviation} is its abbreviated name in the symbol
     * of what it issues (Decree 30/2020/ND-CP Appendix I, e.g. {@code SYT}); it signs the numbers the system
     * gives its own forms (Mẫu 04), and may be absent. {@code superior} is the name of its direct governing
     * agency (cơ quan chủ quản trực tiếp), written above its own name in the heading of what it issues (Decree
     * 30/2020/ND-CP Appendix I), e.g. "UBND Thành phố Hà Nội" above "Sở Y tế Hà Nội"; absent for an agency
     * without one.
     */
    public record OrgUnit(String id, String name, Hours hours, String place, String abbreviation, String superior) {
        @ConstructorBinding
        public OrgUnit {
        }

        public OrgUnit(String id, String name, Hours hours, String place, String abbreviation) {
            this(id, name, hours, place, abbreviation, null);
        }

        public OrgUnit(String id, String name, Hours hours, String place) {
            this(id, name, hours, place, null);
        }

        public OrgUnit(String id, String name, Hours hours) {
            this(id, name, hours, null, null);
        }
    }

    /** Working hours and the holiday rules of the Labor Code; the days announced each year are overrides. */
    public record Calendar(@DefaultValue Hours hours, @DefaultValue Holidays holidays) {
    }

    /** Office hours (practice: 07:00–11:30 and 13:30–17:00); a unit may keep its own. */
    public record Hours(@DefaultValue("07:00") LocalTime morningStart, @DefaultValue("11:30") LocalTime morningEnd,
                        @DefaultValue("13:30") LocalTime afternoonStart,
                        @DefaultValue("17:00") LocalTime afternoonEnd) {
        public WorkingHours toWorkingHours() {
            return new WorkingHours(morningStart, morningEnd, afternoonStart, afternoonEnd);
        }
    }

    /**
     * Parameters of Labor Code 2019 Art. 112: the Tết block relative to the lunar new year, the day added
     * to 2 September, and whether a Tết day on a weekend gives a compensatory day — it does by default, as
     * Art. 111(3) gives one for every holiday on a weekly day off.
     */
    public record Holidays(@DefaultValue("-1") int tetFirst, @DefaultValue("3") int tetLast,
                           @DefaultValue("DAY_BEFORE") LaborCodeHolidays.NationalDayExtra nationalDayExtra,
                           @DefaultValue("true") boolean compensateTet) {
        public LaborCodeHolidays toRules() {
            return new LaborCodeHolidays(tetFirst, tetLast, nationalDayExtra, compensateTet);
        }
    }

    public Optional<OrgUnit> unit(String id) {
        return units.stream().filter(unit -> unit.id().equals(id)).findFirst();
    }
}
