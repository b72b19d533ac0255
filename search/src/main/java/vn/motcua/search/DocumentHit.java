package vn.motcua.search;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One official document found by {@link DocumentSearch}: its register metadata and where it stands. {@code secrecy}:
 * its level ({@code NONE}, {@code CONFIDENTIAL}, {@code SECRET}, {@code TOP_SECRET}; null if indexed before levels
 * were); a secret document's {@code subject} is always null — the index holds its metadata only.
 */
public record DocumentHit(String documentId, String direction, String numberSymbol, Integer arrivalNumber,
                          String type, String subject, String issuer, String agencyId, String unitId,
                          LocalDate issuedOn, LocalDate receivedOn, String status, Instant updatedAt, long version,
                          String secrecy) {
}
