package vn.motcua.eoffice.forms;

import java.util.List;
import java.util.Objects;

/**
 * The result of a procedure as the law issues it: an administrative document (Decree 30/2020/ND-CP Art. 8,
 * Appendix I) of the procedure's kind — a licence, a certificate, the receipt number of a notification, or the
 * numbered written answer that refuses a request with its reasons. The draft is rendered before it is signed: the
 * number/symbol and the place and date are stamped into the band left for them when the clerk issues it, and the
 * signer's block and the seal are the PAdES signatures' appearances at the foot of the last page.
 *
 * @param superiorName     the superior agency's name (box 1), or null
 * @param agencyName       the issuing agency's name (box 1)
 * @param title            the kind's title (box 5a), e.g. "CHỨNG CHỈ HÀNH NGHỀ DƯỢC"
 * @param subtitle         what it is about (trích yếu), or null
 * @param lines            the content: label and value, from the dossier's form
 * @param paragraphs       free text after the lines (the reasons of a refusal, the specialist's addition)
 * @param recipients       "Nơi nhận" (box 9)
 * @param verificationUrl  what the QR code carries, to check the electronic original
 */
public record IssuedResultForm(String superiorName, String agencyName, String title, String subtitle,
                              List<Line> lines, List<String> paragraphs, String dossierCode,
                              List<String> recipients, String verificationUrl, String verificationCode) {

    public IssuedResultForm {
        Forms.require(agencyName, "agencyName");
        Forms.require(title, "title");
        Forms.require(dossierCode, "dossierCode");
        Forms.require(verificationUrl, "verificationUrl");
        lines = lines == null ? List.of() : List.copyOf(lines);
        paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
    }

    /** One line of content. */
    public record Line(String label, String value) {
        public Line {
            Objects.requireNonNull(label, "label");
        }
    }
}
