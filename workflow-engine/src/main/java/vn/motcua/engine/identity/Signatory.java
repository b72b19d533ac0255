package vn.motcua.engine.identity;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Who signs a document and in what capacity (Decree 30/2020/ND-CP Art. 13; Appendix I, box 7a "quyền hạn, chức vụ
 * của người ký"): the official, their full name as printed under the signature (box 7c), their own job title, and
 * the {@link Authority} they sign with. When they sign on the head's behalf, {@code headTitle} is the head's title
 * ("Giám đốc") and {@code delegationReference} the written act that gives the authority (needed for TUQ.).
 */
public record Signatory(String officialId, String fullName, String jobTitle, Authority authority, String headTitle,
                        String delegationReference) {

    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");

    public Signatory {
        Objects.requireNonNull(officialId, "officialId");
        Objects.requireNonNull(fullName, "fullName");
        Objects.requireNonNull(jobTitle, "jobTitle");
        Objects.requireNonNull(authority, "authority");
        if (authority.onBehalf() && (headTitle == null || headTitle.isBlank())) {
            throw new IllegalArgumentException("A signature on behalf (" + authority + ") names the head's title");
        }
    }

    /** The head of the agency, signing in their own right. */
    public static Signatory own(String officialId, String fullName, String jobTitle) {
        return new Signatory(officialId, fullName, jobTitle, Authority.OWN, null, null);
    }

    /**
     * The title lines above the signature, upper-case as Appendix I prints them: the head signs with their own
     * title ("GIÁM ĐỐC"); on the head's behalf the first line is the prefix and the head's title ("KT. GIÁM ĐỐC")
     * and the second the signer's own title ("PHÓ GIÁM ĐỐC").
     */
    public List<String> titleLines() {
        if (!authority.onBehalf()) {
            return List.of(upper(jobTitle));
        }
        return List.of(authority.prefix() + " " + upper(headTitle), upper(jobTitle));
    }

    private static String upper(String text) {
        return text.strip().toUpperCase(VIETNAMESE);
    }
}
