/**
 * How events become documents: the dossier fold, the audit document and the index definitions. Not
 * part of the search module's API; use {@code vn.motcua.search.SearchIndexer} and
 * {@code vn.motcua.search.DossierSearch}.
 */
package vn.motcua.search.internal;
