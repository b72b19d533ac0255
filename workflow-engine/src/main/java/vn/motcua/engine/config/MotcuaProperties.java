package vn.motcua.engine.config;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

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
     * Circular 10/2016/TT-BTTTT (e.g. {@code 000.00.16.H26}), which prefixes its dossier codes.
     */
    public record OrgUnit(String id, String name) {
    }

    public record Calendar(@DefaultValue("17:00") LocalTime closingTime, List<LocalDate> daysOff) {
        public Calendar {
            daysOff = daysOff == null ? List.of() : List.copyOf(daysOff);
        }
    }

    public Optional<OrgUnit> unit(String id) {
        return units.stream().filter(unit -> unit.id().equals(id)).findFirst();
    }
}
