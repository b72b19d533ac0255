package vn.motcua.engine.platform;

/**
 * What a tenant adds to the observation of its steps ({@link StepObservations}): the procedure a step belongs to, a
 * tag of bounded cardinality (a catalogue's procedure code, never an aggregate id), and the name under which its
 * aggregates' ids appear in the logs. A type without such a bean is observed with procedure {@code -} and its ids
 * logged as {@code aggregateId}.
 */
public interface StepTags {

    /** The aggregate type these tags are for, by name: {@code dossier}. */
    String aggregateType();

    /** The log (MDC) key of an aggregate's id while one of its steps runs: {@code dossierCode}. */
    String logKey();

    /**
     * The procedure of the aggregate a command is for, from the command or from memory (a step must not wait on a
     * query for it), or {@link StepObservations#UNKNOWN}.
     */
    String procedure(String aggregateId, Object command);
}
