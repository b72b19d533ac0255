package vn.motcua.eoffice.document;

import java.util.List;

/**
 * The result of verifying an incoming electronic document's signatures (Law 20/2023/QH15 Art. 22),
 * kept as data with the document: whether it is authentic and unchanged, who signed, and what was found.
 */
public record SignatureCheck(boolean valid, List<String> signers, String summary) {

    public SignatureCheck {
        signers = signers == null ? List.of() : List.copyOf(signers);
    }
}
