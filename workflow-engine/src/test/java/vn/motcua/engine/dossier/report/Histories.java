package vn.motcua.engine.dossier.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import vn.motcua.engine.calendar.LaborCodeHolidays;
import vn.motcua.engine.calendar.WorkingCalendar;
import vn.motcua.engine.calendar.WorkingHours;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.AppraisalOutcome;
import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;

/**
 * Dossier histories for tests, written as a person would tell them: "submitted Monday 08:00, accepted at 09:00
 * with the result due Thursday…", in Hà Nội time, for a cosmetic notification at the Hanoi Department of Health.
 */
public final class Histories {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final String UNIT = "000.00.16.H26";
    public static final String CODE = UNIT + "-261123-0001";
    public static final String PROCEDURE = "1.002600";
    public static final Actor CITIZEN = new Actor("citizen-a", "Nguyễn Văn An", Role.CITIZEN, null);
    public static final Actor RECEPTION = new Actor("reception-hn", "Lê Thị Thu", Role.RECEPTION, UNIT);
    public static final Actor SPECIALIST = new Actor("specialist-hn", "Phạm Minh Đức", Role.SPECIALIST, UNIT);
    public static final Actor LEADER = new Actor("leader-hn", "Đặng Quốc Việt", Role.LEADER, UNIT);
    public static final Applicant APPLICANT = new Applicant("Nguyễn Văn An", "001099012345", "0912345678",
            "an@example.vn", "Số 1 Tràng Tiền, Hà Nội");

    private final List<DossierEvent> events = new ArrayList<>();

    private Histories() {
    }

    /** A calendar as production builds it: Labor Code holidays, no overrides, default office hours. */
    public static WorkingCalendar calendar() {
        return new WorkingCalendar(ZONE, LaborCodeHolidays.DEFAULT, year -> List.of(), WorkingHours.DEFAULT, Map.of());
    }

    public static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(ZONE).toInstant();
    }

    public static AttachedDocument pdf(String name, char hex) {
        return new AttachedDocument(name, "application/pdf", 1234, String.valueOf(hex).repeat(64));
    }

    public static Histories submitted(String at) {
        Histories history = new Histories();
        history.events.add(new DossierEvent.DossierSubmitted(CODE, PROCEDURE, UNIT, APPLICANT,
                Map.of("productName", "Kem dưỡng da Sen Việt"), null, List.of(pdf("phieu-cong-bo.pdf", 'a')),
                CITIZEN, at(at)));
        return history;
    }

    public Histories accepted(String at, String appointedDate) {
        return add(new DossierEvent.DossierAccepted(CODE, LocalDate.parse(appointedDate), "Hồ sơ đầy đủ", List.of(),
                RECEPTION, at(at)));
    }

    public Histories supplementRequested(String at, String... items) {
        return add(new DossierEvent.SupplementRequested(CODE, List.of(items), "Thiếu giấy tờ", List.of(), RECEPTION,
                at(at)));
    }

    public Histories supplementRequestedInAppraisal(String at, String... items) {
        return add(new DossierEvent.SupplementRequestedInAppraisal(CODE, List.of(items), "Cần làm rõ", List.of(),
                SPECIALIST, at(at)));
    }

    /** The applicant's supplement; {@code newAppointedDate} when the time limit restarts, else {@code null}. */
    public Histories supplementProvided(String at, DossierEvent.Stage stage, String newAppointedDate) {
        return add(new DossierEvent.SupplementProvided(CODE, "Đã bổ sung", List.of(pdf("bo-sung.pdf", 'b')), CITIZEN,
                at(at), stage, newAppointedDate == null ? null : LocalDate.parse(newAppointedDate)));
    }

    public Histories refused(String at, String reason) {
        return add(new DossierEvent.DossierRefused(CODE, reason, List.of(), RECEPTION, at(at)));
    }

    public Histories appraised(String at) {
        add(new DossierEvent.HandlerAssigned(CODE, SPECIALIST, null, List.of(), SPECIALIST, at(at)));
        return add(new DossierEvent.AppraisalRecorded(CODE, AppraisalOutcome.FAVOURABLE, "Đạt yêu cầu", List.of(),
                SPECIALIST, at(at).plusSeconds(60)));
    }

    public Histories apologised(String at, String previousDate, String newDate) {
        return add(new DossierEvent.DelayApologised(CODE, LocalDate.parse(previousDate), LocalDate.parse(newDate),
                UNIT, "Cần thêm thời gian kiểm nghiệm", List.of(), LEADER, at(at)));
    }

    public Histories approved(String at) {
        return add(new DossierEvent.DossierApproved(CODE, "Đồng ý", List.of(pdf("so-tiep-nhan.pdf", 'c')), LEADER,
                at(at)));
    }

    public Histories returned(String at) {
        return add(new DossierEvent.ResultReturned(CODE, "Đã trả kết quả trực tuyến", List.of(), RECEPTION, at(at)));
    }

    public Histories withdrawn(String at) {
        return add(new DossierEvent.DossierWithdrawn(CODE, "Không cần nữa", List.of(), CITIZEN, at(at)));
    }

    public Histories add(DossierEvent event) {
        events.add(event);
        return this;
    }

    /** The same history, to go on in another way. */
    public Histories copy() {
        Histories copy = new Histories();
        copy.events.addAll(events);
        return copy;
    }

    public List<DossierEvent> events() {
        return List.copyOf(events);
    }

    public DossierTimeline timeline() {
        return DossierTimeline.ofEvents(events);
    }
}
