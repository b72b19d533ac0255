package vn.motcua.engine.payment;

/** What a provider says happened to an order. */
public enum PaymentResult { PAID, FAILED, CANCELLED }
