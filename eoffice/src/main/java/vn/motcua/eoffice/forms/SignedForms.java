package vn.motcua.eoffice.forms;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.NoSigningKey;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.document.DocumentStore;
import vn.motcua.engine.document.Upload;
import vn.motcua.engine.problem.Problem;
import vn.motcua.eoffice.signing.PadesSigner;

/**
 * The forms of Circular 01/2018/TT-VPCP (Mẫu 01–06) as the agency issues them electronically: printable PDFs
 * carrying the agency's organisation signature (its seal key, {@link Signer#sealAlias}), kept in the system.
 *
 * <p><b>The signature.</b> PAdES baseline B-T (ETSI EN 319 142-1) with the configured time-stamping authority,
 * so that anyone holding the file can check what Law 20/2023/QH15 Art. 22 asks of a digital signature: who
 * signed (the agency's certificate), that nothing changed since, and when (the time-stamp). An organisation's
 * signature counts as the agency's confirmation of the form. Mẫu 01–05 are signed with the seal of the unit the
 * dossier belongs to; Mẫu 06 with the seal of the unit whose register it is.
 *
 * <p><b>How it looks.</b> On paper the officer of the step signs Mẫu 01–03, the head signs and seals Mẫu 04, and
 * Mẫu 05–06 carry no signature. The system has no personal signature of those people on these forms, and Decree
 * 30/2020/ND-CP Appendix I places the agency's seal image over a signer's image: a red seal on an empty signature
 * line would look like a stamped blank. So the agency signs as Appendix I has it where there is no signer's
 * image: no image; at the top right of the first page, in 10 pt, the form's identifier (the number and symbol of
 * Mẫu 04, otherwise the dossier code, or the register's period) and the signing time in
 * Vietnam time, ISO 8601, drawn from the same instant as the signature's {@code /M}; to its left the form says
 * in small italics which agency signed it ({@link OneStopForms} keeps that band free).
 *
 * <p><b>Kept, not re-signed.</b> A form is rendered from the event store on every request and the rendering is
 * byte-deterministic, so its SHA-256, with the signing unit, identifies it: the first request signs it and
 * stores the signed file in the {@link DocumentStore} with the mapping in {@code signed_form}; later requests
 * for an unchanged dossier get that same file, and a step that changes the form gives a new rendering and so a
 * new signed file (the earlier ones stay stored: what was issued). Two first requests at once may both sign,
 * but the content and the mapping are written in one transaction with {@code on conflict do nothing}: the
 * second rolls back its copy and both answer with the one that was kept. The CSV of Mẫu 06 is data for a
 * spreadsheet, not a document: it is not signed and not kept.
 */
@Component
public class SignedForms {

    /** A form as issued: the signed PDF and its SHA-256, its address in the document store. */
    public record Signed(byte[] pdf, String sha256) {
    }

    private final OneStopForms forms;
    private final PadesSigner pades;
    private final ObjectProvider<DevPki> devPki;
    private final MotcuaProperties properties;
    private final DocumentStore documents;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    public SignedForms(OneStopForms forms, PadesSigner pades, ObjectProvider<DevPki> devPki,
                       MotcuaProperties properties, DocumentStore documents, JdbcTemplate jdbc,
                       TransactionTemplate transactions) {
        this.forms = forms;
        this.pades = pades;
        this.devPki = devPki;
        this.properties = properties;
        this.documents = documents;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    /** Mẫu 01–05 of one dossier, signed with the seal of {@code unitId}, the dossier's unit. */
    public Signed dossierForm(OneStopForm form, String unitId) {
        String name = switch (form) {
            case ReceiptForm receipt -> "mau-01";
            case SupplementRequestForm request -> "mau-02";
            case RefusalForm refusal -> "mau-03";
            case ApologyForm apology -> "mau-04";
            case ProcessControlForm control -> "mau-05";
            case ResultForm result -> throw new IllegalArgumentException(
                    "the result is signed by the leader and sealed by SignedResults, not here");
        };
        String identifier = form instanceof ApologyForm apology ? "Số: " + apology.documentNumber().strip()
                : "Mã hồ sơ: " + form.dossierCode();
        return kept(name, form.dossierCode(), form.dossierCode() + "-" + name + ".pdf", forms.render(form), unitId,
                identifier);
    }

    /** Mẫu 06, the dossier register of {@code unitId} for a period, signed with that unit's seal. */
    public Signed register(DossierRegister register, String unitId) {
        String period = register.from() + "_" + register.to();
        return kept("mau-06", unitId + "_" + period, "so-theo-doi-ho-so_" + unitId + "_" + period + ".pdf",
                forms.registerPdf(register), unitId,
                "Từ " + Forms.shortDate(register.from()) + " đến " + Forms.shortDate(register.to()));
    }

    private Signed kept(String form, String subject, String fileName, byte[] unsigned, String unitId,
                        String identifier) {
        String key = DocumentStore.sha256(unsigned);
        Optional<Signed> kept = find(key, unitId);
        if (kept.isPresent()) {
            return kept.get();
        }
        byte[] signed = sign(unsigned, unitId, identifier, form);
        String sha256 = DocumentStore.sha256(signed);
        boolean stored = Boolean.TRUE.equals(transactions.execute(status -> {
            documents.storeAll(List.of(new Upload("form", fileName, DocumentStore.PDF, signed)));
            int inserted = jdbc.update("""
                    insert into signed_form (unsigned_sha256, unit_id, form, subject, signed_sha256)
                    values (?, ?, ?, ?, ?) on conflict (unsigned_sha256, unit_id) do nothing""",
                    key, unitId, form, subject, sha256);
            if (inserted == 0) {
                // signed at the same time by another request, whose copy was kept: drop this one
                status.setRollbackOnly();
            }
            return inserted == 1;
        }));
        return stored ? new Signed(signed, sha256) : find(key, unitId).orElseThrow(() -> new IllegalStateException(
                "the signed copy of " + form + " " + subject + " is registered but not stored"));
    }

    private Optional<Signed> find(String unsignedSha256, String unitId) {
        return jdbc.query("select signed_sha256 from signed_form where unsigned_sha256 = ? and unit_id = ?",
                        (rs, row) -> rs.getString(1), unsignedSha256, unitId).stream().findFirst()
                .flatMap(sha256 -> documents.content(sha256).map(pdf -> new Signed(pdf, sha256)));
    }

    private byte[] sign(byte[] unsigned, String unitId, String identifier, String form) {
        String agency = properties.unit(unitId).map(MotcuaProperties.OrgUnit::name).orElse(unitId);
        DevPki pki = devPki.getIfAvailable();
        if (pki != null) {
            pki.enrolSeal(unitId, agency);
        }
        try {
            return pades.sign(unsigned, new PadesSigner.Request(Signer.sealAlias(unitId), PadesSigner.Level.B_T,
                    new PadesSigner.Appearance.AttachmentStamp(identifier),
                    "Ký số biểu mẫu " + form.replace("mau-", "Mẫu ") + " (Thông tư 01/2018/TT-VPCP)", agency));
        } catch (NoSigningKey e) {
            throw new Problem(Problem.Kind.UNAVAILABLE, "no-signing-key", "Cơ quan chưa có chứng thư số",
                    "The agency has no signing certificate", "Chưa có chứng thư số của " + agency
                    + " nên chưa cấp được biểu mẫu đã ký số / No seal certificate for " + unitId
                    + ", so the signed form cannot be issued", null);
        }
    }
}
