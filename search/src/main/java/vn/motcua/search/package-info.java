/**
 * Search: Elasticsearch indexing of dossiers and audit events, and the query services for officials,
 * the public lookup (tra cứu hồ sơ) and inspectors. The public API is this package:
 * {@link vn.motcua.search.SearchConfiguration} wires it; every aggregate type's CloudEvents are read as one
 * {@link vn.motcua.search.EventEnvelope} and fed to its {@link vn.motcua.search.EventIndex} by one kind of consumer
 * ({@link vn.motcua.search.EventIndexConsumer}) and one kind of rebuild target
 * ({@link vn.motcua.search.IndexRebuildTarget}), joined to the engine by
 * {@link vn.motcua.search.SearchPipelineConfiguration}. Dossiers go through {@link vn.motcua.search.SearchIndexer}
 * and are found by {@link vn.motcua.search.DossierSearch} ({@link vn.motcua.search.IndexAdmin} manages their index
 * generations); official documents go through {@link vn.motcua.search.DocumentIndexer} into
 * {@link vn.motcua.search.DocumentIndex}.
 * {@code embedded} runs a real node inside the JVM; {@code internal} is private to the module.
 */
package vn.motcua.search;
