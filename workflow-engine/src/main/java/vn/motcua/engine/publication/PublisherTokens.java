package vn.motcua.engine.publication;

import java.util.Arrays;

import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventhandling.tokenstore.TokenStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Retires the token of the former document publisher ({@value AggregateEventPublisher#RETIRED_GROUP}) when the
 * one publisher ({@value AggregateEventPublisher#PROCESSING_GROUP}) takes over its events. Runs once the beans
 * exist and before Axon starts its processors (Spring starts lifecycles after this callback).
 *
 * <p>What happens on upgrade: every segment of the kept group goes back to the lower bound of its own token and
 * the retired group's, so the one publisher resumes from whichever of the two had published less. Nothing is
 * skipped; events that both had already published are sent once more, and consumers drop them because they
 * de-duplicate by the {@code sequence} extension. Then the retired rows are deleted, so this runs only once.
 * When the kept group has no token yet (a new installation) it starts at the beginning of the event store anyway.
 */
@Component
class PublisherTokens implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(PublisherTokens.class);

    private final TokenStore tokens;
    private final TransactionManager transactions;

    PublisherTokens(TokenStore tokens, TransactionManager transactions) {
        this.tokens = tokens;
        this.transactions = transactions;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeInTransaction(() -> merge(AggregateEventPublisher.RETIRED_GROUP,
                AggregateEventPublisher.PROCESSING_GROUP));
    }

    private void merge(String retired, String kept) {
        int[] retiredSegments = tokens.fetchSegments(retired);
        if (retiredSegments.length == 0) {
            return;
        }
        TrackingToken oldest = null;
        boolean fromStart = false;
        for (int segment : retiredSegments) {
            TrackingToken token = tokens.fetchToken(retired, segment);
            if (token == null) {
                fromStart = true;
            } else {
                oldest = oldest == null ? token : oldest.lowerBound(token);
            }
        }
        for (int segment : tokens.fetchSegments(kept)) {
            TrackingToken current = tokens.fetchToken(kept, segment);
            TrackingToken merged = fromStart || current == null ? null : current.lowerBound(oldest);
            tokens.storeToken(merged, kept, segment);
            tokens.releaseClaim(kept, segment);
        }
        for (int segment : retiredSegments) {
            tokens.deleteToken(retired, segment);
        }
        log.info("Merged the token of {} (segments {}) into {}: events since the older of the two are published"
                + " again, and consumers de-duplicate them", retired, Arrays.toString(retiredSegments), kept);
    }
}
