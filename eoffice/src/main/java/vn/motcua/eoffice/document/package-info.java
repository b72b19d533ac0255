/**
 * Official documents (văn bản đi, văn bản đến) under Decree 30/2020/ND-CP: the event-sourced
 * {@link vn.motcua.eoffice.document.OfficialDocument} aggregate with its commands, events and rules.
 * A BPMN bridge drives it by sending the commands; the aggregate alone decides what is allowed.
 */
package vn.motcua.eoffice.document;
