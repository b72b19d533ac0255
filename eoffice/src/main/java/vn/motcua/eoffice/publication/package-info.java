/**
 * Official-document events to Kafka ({@code motcua.document-events}) as CloudEvents 1.0 JSON, for search
 * and other downstream systems, through the same acknowledged, at-least-once path as dossier events.
 */
package vn.motcua.eoffice.publication;
