package vn.motcua.eoffice.register;

/**
 * A number taken from the outgoing register: {@code number} as issued, {@code formatted} with the
 * leading zero below 10 ("05"), the {@code symbol} ({@code 05/QĐ-SYT}, letters {@code 05/SYT-VP},
 * secret series {@code 05/QĐ-SYT/M}) and the document {@code identifier} (mã định danh văn bản):
 * {@code <agency id>.<year>.<number/symbol>}, e.g. {@code 000.00.16.H26.2026.05/QĐ-SYT}; {@code register}: the
 * register it was taken from ({@code OUTGOING:000.00.16.H26:QD}, {@link RegisterKinds}), null for the agency's one
 * register of before.
 */
public record RegisteredNumber(int number, String formatted, String symbol, String identifier, String register) {

    public RegisteredNumber(int number, String formatted, String symbol, String identifier) {
        this(number, formatted, symbol, identifier, null);
    }
}
