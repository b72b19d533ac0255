package vn.motcua.portal.problem;

import java.io.IOException;

import org.springframework.util.unit.DataSize;

/** A body sent without a length (chunked) that passed its door's cap while being read. */
public class BodyTooLargeException extends IOException {

    private final DataSize limit;

    public BodyTooLargeException(DataSize limit) {
        super("request body larger than " + limit.toBytes() + " bytes");
        this.limit = limit;
    }

    public DataSize limit() {
        return limit;
    }

    /** Describes {@code size} for people: "256 KB", "11 MB". */
    public static String describe(DataSize size) {
        return size.toBytes() >= DataSize.ofMegabytes(1).toBytes() && size.toBytes() % DataSize.ofMegabytes(1).toBytes() == 0
                ? size.toMegabytes() + " MB" : size.toKilobytes() + " KB";
    }
}
