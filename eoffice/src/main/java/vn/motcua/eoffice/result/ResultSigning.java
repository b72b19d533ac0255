package vn.motcua.eoffice.result;

import java.security.cert.X509CRL;
import java.time.LocalDate;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import vn.motcua.engine.audit.crypto.DevPki;
import vn.motcua.engine.audit.crypto.Signer;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Signatory;
import vn.motcua.eoffice.register.DocumentRegisters;
import vn.motcua.eoffice.register.Series;
import vn.motcua.eoffice.signing.OutgoingDocumentPdf;
import vn.motcua.eoffice.signing.PadesSigner;
import vn.motcua.process.ResultKind;

/**
 * The two signing steps of every document the agency issues about a result — the result itself and the acts that
 * correct or revoke it — in the order of Decree 30/2020/ND-CP Art. 13 and 15: the competent person signs the draft
 * with the title lines of their {@link Signatory}; then the register of its kind gives the next number (per agency,
 * kind and year, in the step's transaction), which is stamped with the date and the unit's place, and the agency seals
 * the numbered revision and archives it as PAdES B-LTA ({@link OutgoingDocumentPdf}).
 */
@Component
class ResultSigning {

    /** The issued file and its register entry: number, number/symbol as printed, date of issue. */
    record Numbered(byte[] pdf, int number, String symbol, LocalDate issuedOn) {
    }

    private final PadesSigner pades;
    private final ObjectProvider<DevPki> devPki;
    private final DocumentRegisters registers;

    ResultSigning(PadesSigner pades, ObjectProvider<DevPki> devPki, DocumentRegisters registers) {
        this.pades = pades;
        this.devPki = devPki;
        this.registers = registers;
    }

    /** The leader signs the draft (PAdES B-T, visible: title lines, blue signature, full name). */
    byte[] signByLeader(byte[] draft, Actor leader, Signatory signatory, String unitId, MotcuaProperties.OrgUnit unit) {
        DevPki pki = devPki.getIfAvailable();
        if (pki != null) {
            pki.enrolOfficial(leader.id(), leader.name(), leader.unitId());
            pki.enrolSeal(unitId, unit.name());
        }
        return new OutgoingDocumentPdf(pades).signByLeader(draft, OutgoingDocumentPdf.Leader.of(
                Signer.officialAlias(leader.id()), signatory), agency(unitId, unit));
    }

    /** The clerk's step: the next number of the kind's register, stamped with the date and place; sealed, archived. */
    Numbered numberSealAndArchive(byte[] signed, ResultKind kind, String unitId, MotcuaProperties.OrgUnit unit,
                                  LocalDate today) {
        DevPki pki = devPki.getIfAvailable();
        if (pki != null) {
            pki.enrolSeal(unitId, unit.name());
        }
        int number = registers.nextNumber(unitId, kind.register(), Series.ORDINARY, today.getYear());
        OutgoingDocumentPdf.Numbering numbering = new OutgoingDocumentPdf.Numbering(
                kind.symbolOf(number, today.getYear(), unit.abbreviation()), today, unit.place());
        List<X509CRL> crls = pki == null ? List.of() : List.of(pki.crl(), pki.rootCrl());
        byte[] issued = new OutgoingDocumentPdf(pades).numberSealAndArchive(signed, numbering, agency(unitId, unit),
                crls);
        return new Numbered(issued, number, numbering.symbol(), today);
    }

    private static OutgoingDocumentPdf.Agency agency(String unitId, MotcuaProperties.OrgUnit unit) {
        return new OutgoingDocumentPdf.Agency(Signer.sealAlias(unitId), unit.name());
    }
}
