/**
 * The platform that every event-sourced aggregate plugs into: an {@link vn.motcua.engine.platform.AggregateType}
 * registered as a bean gets sealing, audit, publishing and read models keyed by its type.
 */
package vn.motcua.engine.platform;
