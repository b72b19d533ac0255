package vn.motcua.engine.identity;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Who may sign what, and with which title lines (Decree 30/2020/ND-CP Art. 13 "thẩm quyền ký văn bản"): the head
 * of a unit signs every kind in their own right; anyone else signs only under a delegation of the head that covers
 * the kind and the day — a deputy signs KT. (ký thay), the chief of office or a unit head TL. (thừa lệnh), and a
 * written authorisation for a term gives TUQ. (thừa ủy quyền, which Art. 13 requires in writing, so such a
 * delegation names its act). Anyone else is refused with {@link SigningRule#SIGNER_HAS_AUTHORITY}.
 */
@Component
@EnableConfigurationProperties(SignatoriesProperties.class)
public class Signatories {

    private final SignatoriesProperties properties;

    public Signatories(SignatoriesProperties properties) {
        this.properties = Objects.requireNonNull(properties, "properties");
        for (SignatoriesProperties.Unit unit : properties.units()) {
            for (SignatoriesProperties.Delegation delegation : unit.delegations()) {
                if (delegation.authority() == null || delegation.authority() == Authority.OWN) {
                    throw new IllegalArgumentException("Delegation of " + delegation.officialId() + " in "
                            + unit.unitId() + " needs an authority KT, TL or TUQ");
                }
                if (delegation.authority() == Authority.TUQ
                        && (delegation.reference() == null || delegation.reference().isBlank())) {
                    throw new IllegalArgumentException("A TUQ. delegation of " + delegation.officialId() + " in "
                            + unit.unitId() + " names the written act that gives it (Decree 30/2020 Art. 13)");
                }
            }
        }
    }

    /**
     * The signatory {@code officialId} is when signing a document of {@code kind} for {@code unitId} on {@code on}.
     *
     * @throws SigningRuleViolation when they have no authority to sign it that day
     */
    public Signatory of(String officialId, String unitId, String kind, LocalDate on) {
        SignatoriesProperties.Unit unit = unit(unitId)
                .orElseThrow(() -> new SigningRuleViolation(SigningRule.SIGNER_HAS_AUTHORITY));
        SignatoriesProperties.Official official = unit.officials().stream()
                .filter(candidate -> candidate.id().equals(officialId)).findFirst()
                .orElseThrow(() -> new SigningRuleViolation(SigningRule.SIGNER_HAS_AUTHORITY));
        if (official.head()) {
            return Signatory.own(official.id(), official.fullName(), official.jobTitle());
        }
        SignatoriesProperties.Delegation delegation = unit.delegations().stream()
                .filter(candidate -> candidate.officialId().equals(officialId) && candidate.covers(kind, on))
                .findFirst()
                .orElseThrow(() -> new SigningRuleViolation(SigningRule.SIGNER_HAS_AUTHORITY));
        return new Signatory(official.id(), official.fullName(), official.jobTitle(), delegation.authority(),
                unit.headTitle(), delegation.reference());
    }

    /** True when {@link #of} would give a signatory rather than refuse. */
    public boolean maySign(String officialId, String unitId, String kind, LocalDate on) {
        try {
            of(officialId, unitId, kind, on);
            return true;
        } catch (SigningRuleViolation refused) {
            return false;
        }
    }

    /** The officials configured for a unit, to list who may sign. */
    public List<SignatoriesProperties.Official> officials(String unitId) {
        return unit(unitId).map(SignatoriesProperties.Unit::officials).orElse(List.of());
    }

    private Optional<SignatoriesProperties.Unit> unit(String unitId) {
        return properties.units().stream().filter(unit -> unit.unitId().equals(unitId)).findFirst();
    }
}
