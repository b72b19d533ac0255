package vn.motcua.eoffice.document;

/** Nơi nhận: an internal unit of the agency or an external agency, by its identifier code. */
public record Recipient(String id, String name, Kind kind) {

    public enum Kind { INTERNAL_UNIT, EXTERNAL_AGENCY }
}
