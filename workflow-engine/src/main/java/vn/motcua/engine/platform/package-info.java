/**
 * The platform that every event-sourced aggregate plugs into: an {@link vn.motcua.engine.platform.AggregateType}
 * registered as a bean gets sealing, audit, publishing and read models keyed by its type; with a
 * {@link vn.motcua.engine.platform.task.UserTasks} bean, its user tasks join the one inbox
 * ({@link vn.motcua.engine.platform.task.TaskInbox}).
 */
package vn.motcua.engine.platform;
