package vn.motcua.engine.dossier.process;

import java.util.Map;

import org.axonframework.eventsourcing.eventstore.EventStore;
import org.springframework.stereotype.Component;

import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * The fee of a dossier, computed, never typed: the procedure's catalogue fee and the reduction the applicant claimed
 * on the submitted form with its evidence ({@link Procedure#feeFor}; Circular 277/2016/TT-BTC for the GPP fee).
 */
@Component
public class DossierFees {

    private final EventStore eventStore;
    private final ProcedureCatalogue catalogue;

    DossierFees(EventStore eventStore, ProcedureCatalogue catalogue) {
        this.eventStore = eventStore;
        this.catalogue = catalogue;
    }

    /** The amount of the dossier's fee request, if one was made. */
    public java.util.OptionalLong requested(String code) {
        return eventStore.readEvents(code, 0).asStream()
                .map(message -> message.getPayload())
                .filter(DossierEvent.PaymentRequested.class::isInstance)
                .map(DossierEvent.PaymentRequested.class::cast)
                .mapToLong(DossierEvent.PaymentRequested::amountVnd)
                .reduce((first, last) -> last);
    }

    public Procedure.Fee of(String code) {
        DossierEvent.DossierSubmitted submitted = eventStore.readEvents(code, 0).asStream()
                .map(message -> message.getPayload())
                .filter(DossierEvent.DossierSubmitted.class::isInstance)
                .map(DossierEvent.DossierSubmitted.class::cast)
                .findFirst().orElseThrow(() -> new IllegalStateException("no submission of " + code));
        Procedure procedure = catalogue.find(submitted.procedureCode()).orElseThrow();
        Map<String, Object> form = submitted.form() == null ? Map.of() : submitted.form();
        return procedure.feeFor(form);
    }
}
