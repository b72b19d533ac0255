/**
 * Process definitions of the administrative procedures and the catalogue that describes them.
 *
 * <p>Public API at this package root. The BPMN models only say who does what next; what is
 * allowed (Decree 61/2018/ND-CP) is decided by the dossier aggregate, so the models carry no
 * delegates and no rules beyond routing on a decision variable.
 */
package vn.motcua.process;
