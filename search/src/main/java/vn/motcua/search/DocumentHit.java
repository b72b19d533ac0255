package vn.motcua.search;

import java.time.Instant;
import java.time.LocalDate;

/** One official document found by {@link DocumentSearch}: its register metadata and where it stands. */
public record DocumentHit(String documentId, String direction, String numberSymbol, Integer arrivalNumber,
                          String type, String subject, String issuer, String agencyId, String unitId,
                          LocalDate issuedOn, LocalDate receivedOn, String status, Instant updatedAt, long version) {
}
