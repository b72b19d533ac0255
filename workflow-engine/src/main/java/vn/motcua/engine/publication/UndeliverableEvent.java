package vn.motcua.engine.publication;

/**
 * An event the bus will never take as it is, however often it is sent: larger than the producer's
 * {@code max.request.size}, unwritable as a CloudEvent, or refused by Kafka for what it is rather than for an
 * outage. The publisher parks it ({@link PoisonPolicy}) instead of retrying the batch forever.
 */
public class UndeliverableEvent extends RuntimeException {

    public UndeliverableEvent(String message) {
        super(message);
    }

    public UndeliverableEvent(String message, Throwable cause) {
        super(message, cause);
    }
}
