package vn.motcua.engine.dossier.view;

import java.util.HashMap;
import java.util.Map;

import org.bson.Document;
import org.springframework.stereotype.Component;

import vn.motcua.engine.readmodel.MongoReadModels;

/** The officials' counters of their unit's dossiers by status, as {@link DossierProjection} keeps them. */
@Component
public class InboxCounters {

    private final MongoReadModels readModels;

    public InboxCounters(MongoReadModels readModels) {
        this.readModels = readModels;
    }

    public Map<String, Integer> of(String unitId) {
        Map<String, Integer> result = new HashMap<>();
        readModels.derived(DossierProjection.COUNTERS, unitId).ifPresent(counters -> counters
                .get("counts", Document.class).forEach((status, count) -> result.put(status, (Integer) count)));
        return result;
    }
}
