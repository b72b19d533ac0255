package vn.motcua.engine.dossier;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import vn.motcua.engine.identity.Actor;

/**
 * What happened to a dossier. Every event carries who acted (id, name, role, unit), when (from the
 * one clock), why (the reason or comment) and the SHA-256 of each attached document; the sequence of
 * events is the process control form of Circular 01/2018/TT-VPCP (Mẫu 05).
 */
public sealed interface DossierEvent {

    String code();

    String comment();

    List<AttachedDocument> documents();

    Actor actor();

    Instant at();

    /** How the step is named to people (Vietnamese first). */
    String labelVi();

    record DossierSubmitted(String code, String procedureCode, String unitId, Applicant applicant,
                            Map<String, Object> form, String comment, List<AttachedDocument> documents,
                            Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Nộp hồ sơ";
        }
    }

    record DossierAccepted(String code, LocalDate appointedReturnDate, String comment,
                           List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Tiếp nhận hồ sơ, hẹn trả kết quả";
        }
    }

    record SupplementRequested(String code, List<String> items, String comment, List<AttachedDocument> documents,
                               Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Yêu cầu bổ sung hồ sơ";
        }
    }

    record SupplementProvided(String code, String comment, List<AttachedDocument> documents, Actor actor,
                              Instant at) implements DossierEvent {
        public String labelVi() {
            return "Nộp bổ sung hồ sơ";
        }
    }

    record DossierRefused(String code, String comment, List<AttachedDocument> documents, Actor actor,
                          Instant at) implements DossierEvent {
        public String labelVi() {
            return "Từ chối tiếp nhận hồ sơ";
        }
    }

    record HandlerAssigned(String code, Actor handler, String comment, List<AttachedDocument> documents,
                           Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Phân công chuyên viên xử lý";
        }
    }

    record AppraisalRecorded(String code, AppraisalOutcome outcome, String comment,
                             List<AttachedDocument> documents, Actor actor, Instant at) implements DossierEvent {
        public String labelVi() {
            return "Thẩm định hồ sơ";
        }
    }

    record DossierApproved(String code, String comment, List<AttachedDocument> documents, Actor actor,
                           Instant at) implements DossierEvent {
        public String labelVi() {
            return "Phê duyệt kết quả";
        }
    }

    record DossierRejected(String code, String comment, List<AttachedDocument> documents, Actor actor,
                           Instant at) implements DossierEvent {
        public String labelVi() {
            return "Không phê duyệt";
        }
    }

    record ResultReturned(String code, String comment, List<AttachedDocument> documents, Actor actor,
                          Instant at) implements DossierEvent {
        public String labelVi() {
            return "Trả kết quả";
        }
    }

    record DossierWithdrawn(String code, String comment, List<AttachedDocument> documents, Actor actor,
                            Instant at) implements DossierEvent {
        public String labelVi() {
            return "Rút hồ sơ";
        }
    }
}
