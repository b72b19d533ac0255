package vn.motcua.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Stands in for the workflow engine's Spring beans behind {@code ${deadlineWarning}} and
 * {@code ${overdueEscalation}}: the models only need someone to be told, so the test records
 * which dossiers it was called for.
 */
final class RecordingDelegate implements JavaDelegate {

    private final List<String> dossierCodes = new CopyOnWriteArrayList<>();

    @Override
    public void execute(DelegateExecution execution) {
        dossierCodes.add(execution.getProcessBusinessKey());
    }

    /** How often it ran for this dossier. */
    long callsFor(String dossierCode) {
        return dossierCodes.stream().filter(dossierCode::equals).count();
    }
}
