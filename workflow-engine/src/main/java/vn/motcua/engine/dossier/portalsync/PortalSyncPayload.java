package vn.motcua.engine.dossier.portalsync;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * What the national public-service portal keeps of one dossier, sent on every change of its status
 * (Circular 22/2019/TT-BTTTT statuses 1–10; the fields are those the provincial one-stop systems synchronise
 * in practice). Dates are {@code yyyyMMddHHmmss} in Vietnam time; a date not yet known is left out.
 * Described by {@code schemas/portal-sync.schema.json}; the same history always gives the same payload, so a
 * receiver de-duplicates by {@code dossierCode} and {@code version}.
 *
 * @param version        the sequence number of the event that produced this payload (later wins)
 * @param channel        kênh: 1 counter, 2 online, 3 postal service
 * @param applicantType  loại đối tượng: 1 citizen, 2 enterprise, 3 state agency, 4 other
 * @param status         trạng thái hồ sơ, 1–10
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PortalSyncPayload(int schemaVersion, String dossierCode, long version, String procedureCode,
                                String procedureName, String fieldCode, int channel, Owner owner, int applicantType,
                                String submittedAt, String receivedAt, String appointedAt, String finishedAt,
                                String returnedAt, int status, String statusLabel, Unit handlingUnit,
                                List<Document> documents, List<Fee> fees, List<Supplement> supplements,
                                List<Document> resultDocuments, List<Step> steps) {

    public static final int SCHEMA_VERSION = 1;

    /**
     * Chủ hồ sơ: the applicant as declared, and the account that submitted; {@code taxCode} (mã số thuế) for an
     * organisation that gave one.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Owner(String accountId, String fullName, String idNumber, String phone, String email,
                        String address, String taxCode) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unit(String id, String name) {
    }

    /** A document by name and SHA-256 (the bytes stay with the agency); {@code at} is when it was attached. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Document(String fileName, String mediaType, long size, String sha256, String at) {
    }

    /** Phí, lệ phí of the procedure as the catalogue lists it. */
    public record Fee(String name, long amountVnd) {
    }

    /** One request for a supplement and, once it came, the applicant's answer. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Supplement(String requestedAt, Officer requestedBy, List<String> items, String reason,
                             String providedAt, List<Document> documents) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Officer(String id, String name) {
    }

    /**
     * One processing step (quá trình xử lý): who, in which capacity, when, in which unit, what was done, the
     * status after it, and the appointed date in force then (the step's due date).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Step(long sequence, String type, Officer officer, String title, String at, Unit unit,
                       String content, int status, String dueAt) {
    }
}
