package vn.motcua.engine.dossier.registry;

import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import vn.motcua.engine.dossier.DossierCommand;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.platform.StepObservations;
import vn.motcua.engine.platform.StepTags;

/**
 * A dossier's steps are observed by procedure (the catalogue's code, e.g. {@code 1.002600}) and logged with their
 * {@code dossierCode}. The procedure comes from the submission itself, then from memory: the registry is read once
 * for a dossier this node has not seen since it started (the step itself has just read the same row to check who
 * may act), never once a step.
 */
@Component
public class DossierStepTags implements StepTags {

    public static final String LOG_KEY = "dossierCode";

    private final LoadingCache<String, String> procedures;

    public DossierStepTags(DossierRegistry registry) {
        this.procedures = Caffeine.newBuilder().maximumSize(100_000).build(code -> registry.find(code)
                .map(DossierSummary::procedureCode).orElse(StepObservations.UNKNOWN));
    }

    @Override
    public String aggregateType() {
        return DossierPlatform.DOSSIERS.name();
    }

    @Override
    public String logKey() {
        return LOG_KEY;
    }

    @Override
    public String procedure(String code, Object command) {
        if (command instanceof DossierCommand.SubmitDossier submit) {
            procedures.put(code, submit.procedureCode());
            return submit.procedureCode();
        }
        return procedures.get(code);
    }
}
