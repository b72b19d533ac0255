package vn.motcua.eoffice.forms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Phiếu giải quyết văn bản đến (Decree 30/2020/ND-CP, the handling of incoming documents, Art. 24, and its appendix of
 * forms): the incoming document as registered — arrival number and date, sender, its number/symbol and date, trích
 * yếu, urgency — and the trace of its handling, each opinion with who gave it and when: the leader's instructions,
 * the opinion and assignment of the head of the lead unit, the handler's opinions and result. Rendered by
 * {@link HandlingSheets}.
 */
public record HandlingSheet(String agencyName, String arrivalNumber, LocalDate arrivedOn, String senderName,
                            String numberSymbol, LocalDate issuedOn, String subject, String urgency, String secrecy,
                            List<Opinion> leader, List<Opinion> unitHead, List<Opinion> handler, Instant printedAt) {

    public HandlingSheet {
        Forms.require(agencyName, "agencyName");
        leader = leader == null ? List.of() : List.copyOf(leader);
        unitHead = unitHead == null ? List.of() : List.copyOf(unitHead);
        handler = handler == null ? List.of() : List.copyOf(handler);
    }

    /**
     * One opinion: what was said ({@code text}, may be blank), the facts it set ({@code details}: lead unit,
     * deadline, handler, due date, reply issued…), who gave it ({@code name}, {@code position}) and when.
     */
    public record Opinion(String text, List<String> details, String name, String position, Instant at) {
        public Opinion {
            details = details == null ? List.of() : List.copyOf(details);
        }
    }
}
