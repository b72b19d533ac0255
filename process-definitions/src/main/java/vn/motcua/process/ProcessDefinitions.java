package vn.motcua.process;

/**
 * Where the process models live, so the engine deploys every procedure's BPMN without a list
 * to keep in step: adding a procedure is adding a file plus a catalogue entry, not code.
 */
public final class ProcessDefinitions {

    /** Spring resource pattern for all BPMN models shipped by this module. */
    public static final String BPMN_LOCATION_PATTERN = "classpath*:bpmn/*.bpmn";

    /** Classpath location of the procedure catalogue read by {@link ProcedureCatalogue}. */
    public static final String CATALOGUE_RESOURCE = "procedures/catalogue.json";

    private ProcessDefinitions() {
    }
}
