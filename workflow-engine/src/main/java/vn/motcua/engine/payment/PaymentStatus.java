package vn.motcua.engine.payment;

/** Where an order stands in our books: PENDING until the provider's verified word, then final unless PAID later. */
public enum PaymentStatus { PENDING, PAID, FAILED, CANCELLED }
