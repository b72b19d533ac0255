package vn.motcua.eoffice.register;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which kinds of outgoing document share a register (sổ văn bản đi) — configured per agency, since Decree
 * 30/2020/ND-CP Art. 15 leaves the numbering of administrative documents to the head of each agency within its one
 * rule: numbers run per agency and register from 01 on 1 January. Each issuing unit keeps its registers, named
 * {@code OUTGOING:<issuing unit id>:<key>}; {@code kinds} maps a {@link DocumentType} to the key of its register and
 * every kind not listed goes to {@code other}. The default, used by every agency without its own entry under
 * {@code agencies}: decisions (QĐ) in their own register {@code QD}, letters (công văn) in {@code CV}, every other
 * administrative document in {@code VB} — the practice of an agency that issues many decisions and letters. The
 * secret series is kept apart inside each register ({@link Series}), as before.
 *
 * <pre>
 * motcua.document-registers:
 *   kinds: { DECISION: QD, LETTER: CV }
 *   other: VB
 *   agencies:
 *     - { agency-id: 000.00.16.H29, kinds: { DECISION: QD, LETTER: CV, PLAN: KH, REPORT: BC }, other: VB }
 * </pre>
 */
@ConfigurationProperties(prefix = "motcua.document-registers")
public record RegisterKinds(Map<DocumentType, String> kinds, @DefaultValue("VB") String other,
                           List<Agency> agencies) {

    /** The register name prefix of outgoing documents; the arrival register is {@value #INCOMING}. */
    public static final String OUTGOING = "OUTGOING";
    public static final String INCOMING = "INCOMING";

    private static final Pattern KEY = Pattern.compile("[A-Z][A-Z0-9_]{0,15}");
    private static final Pattern UNIT = Pattern.compile("[A-Z0-9][A-Z0-9_.-]{0,63}");

    /** One agency's own grouping, replacing the default for its issuing units. */
    public record Agency(String agencyId, Map<DocumentType, String> kinds, @DefaultValue("VB") String other) {
        public Agency {
            Objects.requireNonNull(agencyId, "motcua.document-registers.agencies[].agency-id");
            kinds = checked(kinds == null ? Map.of() : kinds);
            other = key(other == null ? "VB" : other);
        }
    }

    public RegisterKinds {
        kinds = checked(kinds == null ? Map.of(DocumentType.DECISION, "QD", DocumentType.LETTER, "CV") : kinds);
        other = key(other == null ? "VB" : other);
        agencies = agencies == null ? List.of() : List.copyOf(agencies);
    }

    /** The default grouping: QĐ, công văn, and every other kind. */
    public static RegisterKinds defaults() {
        return new RegisterKinds(null, null, null);
    }

    /** The key of the register a document of {@code type} of the agency is numbered in ({@code QD}, {@code CV}…). */
    public String keyOf(String agencyId, DocumentType type) {
        Objects.requireNonNull(type, "type");
        for (Agency agency : agencies) {
            if (agency.agencyId().equals(agencyId)) {
                return agency.kinds().getOrDefault(type, agency.other());
            }
        }
        return kinds.getOrDefault(type, other);
    }

    /** The distinct register keys of an agency, in the order of its kinds, {@code other} last. */
    public List<String> keysOf(String agencyId) {
        for (Agency agency : agencies) {
            if (agency.agencyId().equals(agencyId)) {
                return keys(agency.kinds(), agency.other());
            }
        }
        return keys(kinds, other);
    }

    /** {@code OUTGOING:<issuing unit>:<key>}, the register an outgoing document of {@code type} is numbered in. */
    public String outgoing(String agencyId, String issuingUnitId, DocumentType type) {
        return outgoingRegister(issuingUnitId, keyOf(agencyId, type));
    }

    /** The name of the outgoing register {@code key} of an issuing unit. */
    public static String outgoingRegister(String issuingUnitId, String key) {
        return OUTGOING + ":" + unit(issuingUnitId) + ":" + key(key);
    }

    /** The name under which the arrival register of an agency is listed ({@code INCOMING:<agency>}). */
    public static String incomingRegister(String agencyId) {
        return INCOMING + ":" + unit(agencyId);
    }

    private static List<String> keys(Map<DocumentType, String> kinds, String other) {
        java.util.LinkedHashSet<String> keys = new java.util.LinkedHashSet<>();
        for (DocumentType type : DocumentType.values()) {
            if (kinds.containsKey(type)) {
                keys.add(kinds.get(type));
            }
        }
        keys.add(other);
        return List.copyOf(keys);
    }

    private static Map<DocumentType, String> checked(Map<DocumentType, String> kinds) {
        Map<DocumentType, String> checked = new EnumMap<>(DocumentType.class);
        kinds.forEach((type, key) -> checked.put(type, key(key)));
        return Map.copyOf(checked);
    }

    private static String key(String key) {
        String upper = key == null ? "" : key.trim().toUpperCase(Locale.ROOT);
        if (!KEY.matcher(upper).matches()) {
            throw new IllegalArgumentException("A register key is 1-16 of A-Z, 0-9, _ starting with a letter: " + key);
        }
        return upper;
    }

    private static String unit(String unitId) {
        String upper = unitId == null ? "" : unitId.trim().toUpperCase(Locale.ROOT);
        if (!UNIT.matcher(upper).matches()) {
            throw new IllegalArgumentException("Not a unit id usable in a register name: " + unitId);
        }
        return upper;
    }
}
