/**
 * Search: Kafka → Elasticsearch indexing of dossiers and audit events, and the query services for officials, the public lookup (tra cứu hồ sơ) and inspectors. Sub-packages to come: {@code indexing}, {@code query}.
 */
package vn.motcua.search;
