/**
 * Dossiers' MongoDB read models, a tenant's projection run by the platform's {@code readmodel}: the applicant's
 * view of each dossier, the officials' inbox counters, attachments copied to GridFS.
 */
package vn.motcua.engine.dossier.view;
