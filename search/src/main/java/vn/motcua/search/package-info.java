/**
 * Search: Elasticsearch indexing of dossiers and audit events, and the query services for officials,
 * the public lookup (tra cứu hồ sơ) and inspectors. The public API is this package:
 * {@link vn.motcua.search.SearchConfiguration} wires it, {@link vn.motcua.search.SearchIndexer} consumes
 * {@link vn.motcua.search.DossierEventEnvelope}s, {@link vn.motcua.search.DossierSearch} answers
 * queries and {@link vn.motcua.search.IndexAdmin} manages index generations for rebuilds; official documents
 * go through {@link vn.motcua.search.DocumentIndexer} into {@link vn.motcua.search.DocumentIndex}, rebuilt by
 * {@link vn.motcua.search.DocumentRebuildTarget}.
 * {@code embedded} runs a real node inside the JVM; {@code internal} is private to the module.
 */
package vn.motcua.search;
