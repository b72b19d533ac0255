/**
 * Process definitions of the administrative procedures, the catalogue that describes them and
 * the check of an applicant's form against its procedure's JSON Schema.
 *
 * <p>Public API at this package root. The BPMN models only say who does what next; what is
 * allowed (Decree 61/2018/ND-CP) is decided by the dossier aggregate, so the models route on
 * decision variables only and name just two delegates, {@code deadlineWarning} and
 * {@code overdueEscalation}, which the workflow engine provides to tell people about deadlines.
 */
package vn.motcua.process;
