/**
 * Who may see and do what, once for every aggregate type of the platform: each tenant supplies one
 * {@link vn.motcua.engine.access.AccessPolicy} (owner, unit, role, inspector, secrecy), and every endpoint, list and
 * search asks it through the one check point, {@link vn.motcua.engine.access.AccessCheck}, which turns "may not see"
 * into 404 and "may see but not change" into 403.
 */
package vn.motcua.engine.access;
