/**
 * A real Elasticsearch node inside the application's JVM, from the jars on Maven Central, for the
 * embedded default and for tests.
 */
package vn.motcua.search.embedded;
