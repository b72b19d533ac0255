package vn.motcua.engine.identity;

import java.time.LocalDate;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who signs for each unit ({@code motcua.signatories.units}): the head's title, the officials who may sign (one of
 * them the head) and the delegations the head gave (Decree 30/2020/ND-CP Art. 13). A delegation names the official,
 * the {@link Authority} (KT, TL or TUQ), the kinds of document it covers ({@code *} for all), its term and the act
 * that gives it ("Quyết định số 12/QĐ-SYT").
 */
@ConfigurationProperties(prefix = "motcua.signatories")
public record SignatoriesProperties(List<Unit> units) {

    public SignatoriesProperties {
        units = units == null ? List.of() : List.copyOf(units);
    }

    public record Unit(String unitId, String headTitle, List<Official> officials, List<Delegation> delegations) {
        public Unit {
            officials = officials == null ? List.of() : List.copyOf(officials);
            delegations = delegations == null ? List.of() : List.copyOf(delegations);
        }
    }

    public record Official(String id, String fullName, String jobTitle, boolean head) {
    }

    public record Delegation(String officialId, Authority authority, List<String> kinds, LocalDate from, LocalDate to,
                             String reference) {
        public Delegation {
            kinds = kinds == null || kinds.isEmpty() ? List.of("*") : List.copyOf(kinds);
        }

        boolean covers(String kind, LocalDate on) {
            return (kinds.contains("*") || kinds.contains(kind))
                    && (from == null || !on.isBefore(from)) && (to == null || !on.isAfter(to));
        }
    }
}
