package vn.motcua.engine.publication;

import static org.assertj.core.api.Assertions.assertThat;

import org.axonframework.common.transaction.NoTransactionManager;
import org.axonframework.eventhandling.GlobalSequenceTrackingToken;
import org.axonframework.eventhandling.tokenstore.jdbc.JdbcTokenStore;
import org.axonframework.eventhandling.tokenstore.jdbc.TokenSchema;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariDataSource;

import vn.motcua.engine.testing.MigratedPostgres;

/**
 * On upgrade, the retired document publisher's token is merged into the one publisher's: it resumes from the older
 * of the two positions, so no event is skipped (what is published twice, consumers drop by sequence).
 */
class PublisherTokensTest {

    private static final String KEPT = AggregateEventPublisher.PROCESSING_GROUP;
    private static final String RETIRED = AggregateEventPublisher.RETIRED_GROUP;

    @Test
    void theOnePublisherResumesFromTheOlderOfTheTwoTokensAndTheRetiredOneIsGone() throws Exception {
        try (MigratedPostgres database = MigratedPostgres.start()) {
            JdbcTokenStore tokens = tokenStore(database.pool("tokens", 2));
            tokens.initializeTokenSegments(KEPT, 1, new GlobalSequenceTrackingToken(40));
            tokens.initializeTokenSegments(RETIRED, 1, new GlobalSequenceTrackingToken(25));

            new PublisherTokens(tokens, NoTransactionManager.INSTANCE).afterSingletonsInstantiated();

            assertThat(tokens.fetchToken(KEPT, 0)).isEqualTo(new GlobalSequenceTrackingToken(25));
            assertThat(tokens.fetchSegments(RETIRED)).isEmpty();
            tokens.storeToken(new GlobalSequenceTrackingToken(50), KEPT, 0);
            tokens.releaseClaim(KEPT, 0);

            // once merged, a restart changes nothing
            new PublisherTokens(tokens, NoTransactionManager.INSTANCE).afterSingletonsInstantiated();
            assertThat(tokens.fetchToken(KEPT, 0)).isEqualTo(new GlobalSequenceTrackingToken(50));
        }
    }

    @Test
    void aPublisherThatWasAheadOfTheOneItTakesOverGoesBackRatherThanSkip() throws Exception {
        try (MigratedPostgres database = MigratedPostgres.start()) {
            JdbcTokenStore tokens = tokenStore(database.pool("tokens", 2));
            tokens.initializeTokenSegments(KEPT, 1, new GlobalSequenceTrackingToken(10));
            tokens.initializeTokenSegments(RETIRED, 1, new GlobalSequenceTrackingToken(90));

            new PublisherTokens(tokens, NoTransactionManager.INSTANCE).afterSingletonsInstantiated();

            assertThat(tokens.fetchToken(KEPT, 0)).isEqualTo(new GlobalSequenceTrackingToken(10));
            assertThat(tokens.fetchSegments(RETIRED)).isEmpty();
        }
    }

    private static JdbcTokenStore tokenStore(HikariDataSource pool) {
        return JdbcTokenStore.builder()
                .connectionProvider(pool::getConnection)
                .serializer(JacksonSerializer.defaultSerializer())
                .schema(TokenSchema.builder().setTokenTable("token_entry").setProcessorNameColumn("processor_name")
                        .setSegmentColumn("segment").setTokenColumn("token").setTokenTypeColumn("token_type")
                        .setTimestampColumn("timestamp").setOwnerColumn("owner").build())
                .nodeId("test")
                .build();
    }
}
