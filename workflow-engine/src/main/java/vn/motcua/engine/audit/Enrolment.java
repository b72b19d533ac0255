package vn.motcua.engine.audit;

/**
 * Issues a key and certificate to whoever must seal and has none yet: only the embedded default's dev PKI
 * does this. In production keys are provisioned beforehand and a missing one refuses the step.
 */
public interface Enrolment {

    void official(String id, String name, String unitId);

    void agency(String unitId);
}
