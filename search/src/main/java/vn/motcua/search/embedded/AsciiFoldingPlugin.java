package vn.motcua.search.embedded;

import java.util.Map;

import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.elasticsearch.index.analysis.AbstractTokenFilterFactory;
import org.elasticsearch.index.analysis.NormalizingTokenFilterFactory;
import org.elasticsearch.index.analysis.TokenFilterFactory;
import org.elasticsearch.indices.analysis.AnalysisModule.AnalysisProvider;
import org.elasticsearch.plugins.AnalysisPlugin;
import org.elasticsearch.plugins.Plugin;

/**
 * The {@code asciifolding} token filter, under the same name and with the same
 * {@code preserve_original} option as Elasticsearch's {@code analysis-common} module, which is not
 * published on Maven Central. Index settings written for a real cluster therefore work unchanged on
 * the embedded node. Lucene's {@link ASCIIFoldingFilter} folds Vietnamese diacritics, including
 * {@code đ} → {@code d}, so "Nguyen Van A" matches "Nguyễn Văn A".
 */
public final class AsciiFoldingPlugin extends Plugin implements AnalysisPlugin {

    @Override
    public Map<String, AnalysisProvider<TokenFilterFactory>> getTokenFilters() {
        return Map.of("asciifolding", (indexSettings, environment, name, settings) ->
                new Factory(name, settings.getAsBoolean("preserve_original", false)));
    }

    private static final class Factory extends AbstractTokenFilterFactory implements NormalizingTokenFilterFactory {
        private final boolean preserveOriginal;

        Factory(String name, boolean preserveOriginal) {
            super(name);
            this.preserveOriginal = preserveOriginal;
        }

        @Override
        public TokenStream create(TokenStream tokenStream) {
            return new ASCIIFoldingFilter(tokenStream, preserveOriginal);
        }

        @Override
        public TokenStream normalize(TokenStream tokenStream) {
            return new ASCIIFoldingFilter(tokenStream, false);
        }
    }
}
