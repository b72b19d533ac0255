package vn.motcua.engine.dossier.process;

import java.util.Map;

import vn.motcua.engine.dossier.Applicant;

/** What an applicant submits besides the files: the procedure, the receiving unit and the form. */
public record NewDossier(String procedureCode, String unitId, Applicant applicant, Map<String, Object> form,
                         String comment) {
}
