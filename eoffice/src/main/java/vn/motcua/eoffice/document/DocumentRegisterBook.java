package vn.motcua.eoffice.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.identity.Identity;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.eoffice.register.DocumentRegisters;
import vn.motcua.eoffice.register.DocumentType;
import vn.motcua.eoffice.register.RegisterKinds;
import vn.motcua.eoffice.register.Series;

/**
 * The registers of official documents as a clerk keeps them and an inspector reads them (Decree 30/2020/ND-CP
 * Art. 15 and 22, Appendix VI: who, when, to whom): for a year, each outgoing register of an issuing unit
 * ({@code OUTGOING:<unit>:<key>}, {@link RegisterKinds}) with its entries — number, date, number/symbol, trích yếu,
 * signer, recipients — and the arrival register ({@code INCOMING:<unit>}) with arrival number and date, sender, the
 * sender's number/symbol and date, trích yếu, lead unit, deadline and handler. Read from the documents' MongoDB views
 * ({@link DocumentProjection}), in number order. Only clerks (their own unit's registers) and inspectors (any) list
 * them; an entry of the secret series is shown only to those who may see its document ({@link DocumentPolicy}).
 */
@Service
public class DocumentRegisterBook {

    /** The most entries one listing gives; the next ones from {@code fromNumber}. */
    public static final int LIMIT = 500;

    private static final Pattern OUTGOING = Pattern.compile("OUTGOING:([A-Z0-9][A-Z0-9_.-]{0,63}):([A-Z][A-Z0-9_]{0,15})");
    private static final Pattern INCOMING = Pattern.compile("INCOMING:([A-Z0-9][A-Z0-9_.-]{0,63})");

    private final MongoReadModels readModels;
    private final DocumentPolicy policy;
    private final RegisterKinds kinds;
    private final MotcuaProperties properties;
    private final java.time.Clock clock;

    public DocumentRegisterBook(MongoReadModels readModels, DocumentPolicy policy, DocumentRegisters registers,
                                MotcuaProperties properties, java.time.Clock clock) {
        this.clock = clock;
        this.readModels = readModels;
        this.policy = policy;
        this.kinds = registers.kinds();
        this.properties = properties;
    }

    /** A register: its name (for the listing's URL), what it is called, and its unit. */
    public record Register(String register, String labelVi, String unitId) {
    }

    /**
     * One entry. Outgoing: {@code number}, {@code formattedNumber}, {@code date} (issued on), {@code numberSymbol},
     * {@code subject}, {@code signer}, {@code recipients}. Incoming: the arrival number and date in {@code number},
     * {@code formattedNumber} and {@code date}, then {@code sender}, {@code numberSymbol} and {@code senderIssuedOn}
     * (the sender's), {@code subject}, {@code leadUnitId}, {@code deadline}, {@code handlerName}, {@code dueOn}.
     */
    public record Entry(Integer number, String formattedNumber, LocalDate date, String numberSymbol, String subject,
                        String signer, List<String> recipients, String sender, LocalDate senderIssuedOn,
                        String leadUnitId, LocalDate deadline, String handlerName, LocalDate dueOn, String documentId,
                        String status, String statusLabelVi, String secrecy) {
    }

    public record Listing(String register, String labelVi, String unitId, int year, Series series,
                          List<Entry> entries) {
    }

    /** The registers of the clerk's unit, or for an inspector of {@code unitId} (every configured unit if null). */
    public List<Register> registers(String unitId, Identity who) {
        List<String> units;
        if (who.has(Role.INSPECTOR)) {
            units = unitId != null ? List.of(unitId) : properties.units().stream().map(MotcuaProperties.OrgUnit::id)
                    .toList();
        } else {
            requireClerk(who);
            units = List.of(who.unitId());
        }
        List<Register> registers = new ArrayList<>();
        for (String unit : units) {
            for (String key : kinds.keysOf(unit)) {
                registers.add(new Register(RegisterKinds.outgoingRegister(unit, key), outgoingLabel(unit, key), unit));
            }
            registers.add(new Register(RegisterKinds.incomingRegister(unit), "Sổ đăng ký văn bản đến", unit));
        }
        return registers;
    }

    /**
     * The entries of {@code register} for {@code year} (this year if null) in {@code series} (ordinary if null), from
     * number {@code fromNumber} on, at most {@value #LIMIT}.
     */
    public Listing listing(String register, Integer year, Series series, int fromNumber, Identity who) {
        if (!who.has(Role.INSPECTOR)) {
            requireClerk(who);
        }
        if (year == null) {
            year = LocalDate.now(clock.withZone(properties.zone())).getYear();
        }
        if (year < 2000 || year > 9999) {
            throw Problem.invalid("year", "Năm không hợp lệ / Not a valid year");
        }
        Series asked = series == null ? Series.ORDINARY : series;
        String name = register == null ? "" : register.strip();
        Matcher outgoing = OUTGOING.matcher(name);
        Matcher incoming = INCOMING.matcher(name);
        boolean isOutgoing = outgoing.matches();
        if (!isOutgoing && !incoming.matches()) {
            throw Problem.invalid("register", "Tên sổ có dạng OUTGOING:<đơn vị>:<loại> hoặc INCOMING:<đơn vị>"
                    + " / A register is named OUTGOING:<unit>:<key> or INCOMING:<unit>");
        }
        String unit = isOutgoing ? outgoing.group(1) : incoming.group(1);
        if (!who.has(Role.INSPECTOR) && !unit.equalsIgnoreCase(who.unitId())) {
            throw Problem.notFound("register", "Không có sổ " + name + " của đơn vị / No register " + name
                    + " of your unit");
        }
        List<Bson> filters = new ArrayList<>();
        String dateField = isOutgoing ? "issuedOn" : "arrivedOn";
        String numberField = isOutgoing ? "number" : "arrivalNumber";
        if (isOutgoing) {
            filters.add(Filters.eq("register", name));
        } else {
            filters.add(Filters.eq("direction", Direction.INCOMING.name()));
            filters.add(Filters.eq("unitId", unitIdAsConfigured(unit)));
            filters.add(Filters.exists("arrivalNumber"));
        }
        filters.add(Filters.gte(dateField, year + "-01-01"));
        filters.add(Filters.lte(dateField, year + "-12-31"));
        filters.add(Filters.gte(numberField, Math.max(1, fromNumber)));
        filters.add(asked == Series.ORDINARY ? Filters.eq("secrecy", Secrecy.NONE.name())
                : Filters.ne("secrecy", Secrecy.NONE.name()));
        List<Entry> entries = readModels.views(DocumentPlatform.DOCUMENTS, Filters.and(filters),
                        Sorts.ascending(numberField), LIMIT).stream()
                .filter(view -> policy.maySee(who, DocumentProjection.toView(view)))
                .map(view -> isOutgoing ? outgoingEntry(view) : incomingEntry(view))
                .toList();
        String label = isOutgoing ? outgoingLabel(unit, outgoing.group(2)) : "Sổ đăng ký văn bản đến";
        return new Listing(name, label, unit, year, asked, entries);
    }

    private static Entry outgoingEntry(Document view) {
        List<String> titleLines = view.getList("signerTitleLines", String.class);
        String position = titleLines != null && !titleLines.isEmpty() ? String.join(" / ", titleLines)
                : view.getString("signerPosition");
        String signed = view.getString("signedBy") != null ? view.getString("signedBy") : view.getString("signerName");
        String signer = position == null ? signed : position + " " + signed;
        return new Entry(view.getInteger("number"), formatted(view.getInteger("number")),
                date(view.getString("issuedOn")), view.getString("numberSymbol"), view.getString("subject"), signer,
                view.getList("recipientNames", String.class, List.of()), null, null, null, null, null, null,
                view.getString("documentId"), view.getString("status"), view.getString("statusLabelVi"),
                view.getString("secrecy"));
    }

    private static Entry incomingEntry(Document view) {
        return new Entry(view.getInteger("arrivalNumber"), view.getString("arrivalFormatted"),
                date(view.getString("arrivedOn")), view.getString("senderNumberSymbol"), view.getString("subject"),
                null, null, view.getString("senderName"), date(view.getString("senderIssuedOn")),
                view.getString("leadUnitId"), date(view.getString("deadline")), view.getString("handlerName"),
                date(view.getString("dueOn")), view.getString("documentId"), view.getString("status"),
                view.getString("statusLabelVi"), view.getString("secrecy"));
    }

    /** "Sổ văn bản đi QD — Quyết định", or for the register of every other kind, "… — các loại văn bản khác". */
    private String outgoingLabel(String unit, String key) {
        List<String> names = new ArrayList<>();
        boolean other = false;
        for (DocumentType type : DocumentType.values()) {
            if (kinds.keyOf(unitIdAsConfigured(unit), type).equals(key)) {
                names.add(type.nameVi());
            }
        }
        List<String> keys = kinds.keysOf(unitIdAsConfigured(unit));
        if (!keys.isEmpty() && keys.getLast().equals(key)) {
            other = true;
        }
        String what = other ? "các loại văn bản khác" : String.join(", ", names);
        return "Sổ đăng ký văn bản đi " + key + (what.isEmpty() ? "" : " — " + what);
    }

    /** The configured spelling of a unit id written in capitals in a register name. */
    private String unitIdAsConfigured(String unit) {
        return properties.units().stream().map(MotcuaProperties.OrgUnit::id).filter(unit::equalsIgnoreCase)
                .findFirst().orElse(unit);
    }

    private static void requireClerk(Identity who) {
        if (!who.has(Role.CLERK) || who.unitId() == null) {
            throw Problem.forbidden("Chỉ văn thư và thanh tra xem sổ văn bản / Only clerks and inspectors read the"
                    + " registers");
        }
    }

    private static String formatted(Integer number) {
        return number == null ? null : "%02d".formatted(number);
    }

    private static LocalDate date(String value) {
        return value == null ? null : LocalDate.parse(value);
    }
}
