/**
 * Search: Elasticsearch indexing of dossiers and audit events, and the query services for officials,
 * the public lookup (tra cứu hồ sơ) and inspectors. The public API is this package:
 * {@link vn.motcua.search.SearchConfiguration} wires it, {@link vn.motcua.search.SearchIndexer} consumes
 * {@link vn.motcua.search.DossierEventEnvelope}s, {@link vn.motcua.search.DossierSearch} answers
 * queries and {@link vn.motcua.search.IndexAdmin} manages index generations for rebuilds.
 * {@code embedded} runs a real node inside the JVM; {@code internal} is private to the module.
 */
package vn.motcua.search;
