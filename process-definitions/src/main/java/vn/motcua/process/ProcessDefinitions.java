package vn.motcua.process;

/**
 * Where the process models live, so the engine deploys every procedure's BPMN without a list
 * to keep in step. The models are all one path (Decree 61/2018/ND-CP), drawn once in
 * {@code src/main/bpmn-template/one-stop.bpmn} and written out per procedure by the test-side
 * generator {@code OneStopModels}: adding a procedure is a catalogue entry plus one line there,
 * then regenerating.
 */
public final class ProcessDefinitions {

    /** Spring resource pattern for all BPMN models shipped by this module. */
    public static final String BPMN_LOCATION_PATTERN = "classpath*:bpmn/*.bpmn";

    /** Classpath location of the procedure catalogue read by {@link ProcedureCatalogue}. */
    public static final String CATALOGUE_RESOURCE = "procedures/catalogue.json";

    private ProcessDefinitions() {
    }
}
