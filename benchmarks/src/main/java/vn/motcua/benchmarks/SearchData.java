package vn.motcua.benchmarks;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.engine.document.AttachedDocument;
import vn.motcua.engine.dossier.Applicant;
import vn.motcua.engine.dossier.AppraisalOutcome;
import vn.motcua.engine.dossier.DossierEvent;
import vn.motcua.engine.dossier.DossierEvent.AppraisalRecorded;
import vn.motcua.engine.dossier.DossierEvent.ConsultationAnswered;
import vn.motcua.engine.dossier.DossierEvent.ConsultationRequested;
import vn.motcua.engine.dossier.DossierEvent.DeadlineWarned;
import vn.motcua.engine.dossier.DossierEvent.DossierAccepted;
import vn.motcua.engine.dossier.DossierEvent.DossierApproved;
import vn.motcua.engine.dossier.DossierEvent.DossierRefused;
import vn.motcua.engine.dossier.DossierEvent.DossierRejected;
import vn.motcua.engine.dossier.DossierEvent.DossierSubmitted;
import vn.motcua.engine.dossier.DossierEvent.HandlerAssigned;
import vn.motcua.engine.dossier.DossierEvent.PaymentChannel;
import vn.motcua.engine.dossier.DossierEvent.PaymentReceived;
import vn.motcua.engine.dossier.DossierEvent.PaymentRequested;
import vn.motcua.engine.dossier.DossierEvent.ResultIssued;
import vn.motcua.engine.dossier.DossierEvent.ResultReturned;
import vn.motcua.engine.dossier.DossierEvent.ResultReviewed;
import vn.motcua.engine.dossier.DossierEvent.ServiceRated;
import vn.motcua.engine.dossier.DossierEvent.SiteInspectionRecorded;
import vn.motcua.engine.dossier.DossierEvent.Stage;
import vn.motcua.engine.dossier.DossierEvent.SupplementProvided;
import vn.motcua.engine.dossier.DossierEvent.SupplementRequested;
import vn.motcua.engine.identity.Actor;
import vn.motcua.engine.identity.Role;
import vn.motcua.engine.platform.AggregateTypes;
import vn.motcua.process.Procedure;
import vn.motcua.search.EventEnvelope;

/**
 * Made-up but realistic dossiers for the search benchmark: Vietnamese applicants, the procedures of the catalogue,
 * several health departments, received over the two years before today in office hours, each with the life of a
 * real dossier (6 to 12 steps: submission, perhaps a supplement or a fee, acceptance, assignment, perhaps a
 * consultation of another unit, appraisal (on site too for pharmacies), review, approval or rejection, the result
 * issued and returned, often a rating), each step by an official of the unit in
 * their role. The steps are the engine's own event records ({@link DossierEvent}), turned into JSON by the
 * application's mapper, so the envelopes are what the search consumer reads from a CloudEvent; the steps of the
 * last weeks that lie in the future are not told, which leaves those dossiers in progress.
 *
 * <p>Dossier {@code n} is the same in every run ({@link #dossier(int)} is seeded by {@code n}), so batches can be
 * made in parallel and what a query should find can be told again later.
 */
final class SearchData {

    static final String[] UNITS = {"000.00.16.H26", "000.00.16.H29", "000.00.16.H31", "000.00.16.H32",
            "000.00.16.H40", "000.00.16.H56"};
    private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Lê", "Phạm", "Hoàng",
            "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý", "Trịnh", "Đinh", "Lưu", "Mai"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Thu",
            "Hoài", "Gia", "Xuân", "Kim", "Thùy", "Bảo", "Công", "Anh", "Phương"};
    private static final String[] GIVEN = {"An", "Bình", "Châu", "Cường", "Dũng", "Duyên", "Giang", "Hà", "Hải",
            "Hạnh", "Hiếu", "Hoa", "Hùng", "Hương", "Khánh", "Khoa", "Lan", "Linh", "Long", "Mai", "Nam", "Nga",
            "Ngân", "Nhung", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Tâm", "Thảo", "Thắng", "Thủy", "Trang", "Trung",
            "Tuấn", "Tú", "Uyên", "Việt", "Vinh", "Yến", "Đạt", "Đông", "Ánh", "Ly", "Hiền", "Nhật", "Thành"};
    private static final String[] PRODUCTS = {"Kem dưỡng da", "Sữa rửa mặt", "Dầu gội thảo dược", "Son môi",
            "Kem chống nắng", "Nước hoa hồng", "Serum vitamin C", "Mặt nạ ngủ", "Sữa tắm", "Dầu xả bưởi"};
    private static final String[] BRANDS = {"Sen Việt", "Cỏ Mềm", "Thorakao", "Lan Hảo", "Bông Sen", "Hương Quê",
            "Mộc Nhiên", "Ngọc Trai"};
    private static final String[] STREETS = {"Lê Lợi", "Trần Hưng Đạo", "Nguyễn Trãi", "Hai Bà Trưng", "Lý Thường Kiệt",
            "Điện Biên Phủ", "Cách Mạng Tháng Tám", "Phan Đình Phùng", "Hùng Vương", "Nguyễn Huệ"};
    private static final String[] SUPPLEMENT_ITEMS = {"Bản sao Giấy chứng nhận đăng ký doanh nghiệp",
            "Văn bằng chuyên môn có chứng thực", "Giấy xác nhận thời gian thực hành", "Bản vẽ mặt bằng cơ sở",
            "Phiếu kiểm nghiệm sản phẩm", "Giấy ủy quyền của nhà sản xuất"};
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd");
    /** Officials per unit and role: enough that "one actor's events" is a few thousand at full size. */
    private static final Map<Role, Integer> STAFF = Map.of(Role.RECEPTION, 4, Role.SPECIALIST, 12,
            Role.UNIT_HEAD, 2, Role.LEADER, 2, Role.CLERK, 2);

    private final ObjectMapper mapper;
    private final AggregateTypes types;
    private final List<Procedure> procedures;
    private final Instant now;
    private final LocalDate firstDay;
    private final int days;
    private final int dossiers;
    /** Per unit and day, how many dossiers came before: the 4-digit sequence of the code (Circular 01/2018). */
    private final int[] numberOfDay;

    SearchData(ObjectMapper mapper, AggregateTypes types, List<Procedure> procedures, Instant now, int dossiers) {
        this.mapper = mapper;
        this.types = types;
        this.procedures = List.copyOf(procedures);
        this.now = now;
        this.dossiers = dossiers;
        this.days = 730;
        this.firstDay = LocalDate.ofInstant(now, ZONE).minusDays(days);
        this.numberOfDay = new int[dossiers];
        int[] counters = new int[UNITS.length * days];
        for (int n = 0; n < dossiers; n++) {
            Basics basics = basics(n);
            numberOfDay[n] = ++counters[basics.unit * days + basics.day];
        }
    }

    int dossiers() {
        return dossiers;
    }

    /** How many procedures of the catalogue the dossiers are spread over. */
    int procedures() {
        return procedures.size();
    }

    /** Where dossier {@code n} starts: its unit, its working day (from {@code firstDay}) and minute of submission. */
    private record Basics(int unit, int day, int minute) {
    }

    private Basics basics(int n) {
        SplittableRandom random = new SplittableRandom(n * 0x9E3779B97F4A7C15L);
        // the two big cities' departments receive most dossiers
        int unit = random.nextInt(10) < 6 ? random.nextInt(2) : random.nextInt(UNITS.length);
        int day = random.nextInt(days);
        while (firstDay.plusDays(day).getDayOfWeek().getValue() > DayOfWeek.FRIDAY.getValue()) {
            day = day == 0 ? 3 : day - 1;
        }
        return new Basics(unit, day, random.nextInt(8 * 60));
    }

    /** One dossier: its code, applicant, unit, and the events told so far (those not in the future). */
    record Dossier(String code, String unitId, String applicantName, Instant receivedAt, String status,
                   List<EventEnvelope> events) {
    }

    Dossier dossier(int n) {
        Basics basics = basics(n);
        SplittableRandom random = new SplittableRandom(n * 0xBF58476D1CE4E5B9L + 7);
        String unit = UNITS[basics.unit];
        LocalDate day = firstDay.plusDays(basics.day);
        String code = "%s-%s-%04d".formatted(unit, DAY.format(day), numberOfDay[n]);
        Instant at = ZonedDateTime.of(day, java.time.LocalTime.of(7, 30), ZONE).plusMinutes(basics.minute).toInstant();
        Procedure procedure = procedures.get(random.nextInt(procedures.size()));
        String name = name(random);
        Actor citizen = new Actor("citizen-" + digits(random, 12), name, Role.CITIZEN, null);
        Story story = new Story(code, unit, at, random);

        story.add(new DossierSubmitted(code, procedure.code(), unit,
                new Applicant(name, digits(random, 12), "09" + digits(random, 8), null,
                        random.nextInt(200) + " " + STREETS[random.nextInt(STREETS.length)]),
                form(procedure.code(), name, random), null, documents(random, 2 + random.nextInt(3), "ho-so"),
                citizen, at));
        boolean supplement = random.nextInt(100) < 20;
        boolean fee = random.nextInt(100) < 40;
        boolean warned = random.nextInt(100) < 10;
        boolean returnedOnce = random.nextInt(100) < 10;
        int outcome = random.nextInt(100);
        if (outcome < 5) {
            // refused at reception after two rounds of supplements
            for (int round = 0; round < 2; round++) {
                story.add(new SupplementRequested(code, List.of(item(random), item(random)), "Hồ sơ chưa đầy đủ",
                        List.of(), story.official(Role.RECEPTION), story.later(1, 8)));
                story.add(new SupplementProvided(code, "Đã bổ sung", documents(random, 1, "bo-sung"), citizen,
                        story.later(24, 120), Stage.RECEPTION, null));
            }
            story.add(new DossierRefused(code, "Hồ sơ không đủ điều kiện tiếp nhận", List.of(),
                    story.official(Role.RECEPTION), story.later(2, 24)));
            return story.dossier(name);
        }
        if (supplement) {
            story.add(new SupplementRequested(code, List.of(item(random)), "Đề nghị bổ sung", List.of(),
                    story.official(Role.RECEPTION), story.later(1, 8)));
            story.add(new SupplementProvided(code, "Đã bổ sung theo yêu cầu", documents(random, 1, "bo-sung"),
                    citizen, story.later(24, 96), Stage.RECEPTION, null));
        }
        LocalDate due = LocalDate.ofInstant(story.at, ZONE).plusDays(procedure.timeLimit().days() * 7L / 5 + 2);
        if (fee) {
            long amount = 500_000L + 100_000L * random.nextInt(10);
            story.add(new PaymentRequested(code, amount, "Thông báo nộp phí thẩm định", List.of(),
                    story.official(Role.RECEPTION), story.later(1, 4)));
            story.add(new PaymentReceived(code, amount, "GD" + digits(random, 10), due, null, List.of(), citizen,
                    story.later(2, 48), PaymentChannel.ONLINE, "sandbox"));
        } else {
            story.add(new DossierAccepted(code, due, "Hồ sơ đầy đủ, hợp lệ", List.of(),
                    story.official(Role.RECEPTION), story.later(1, 8)));
        }
        Actor specialist = story.official(Role.SPECIALIST);
        story.add(new HandlerAssigned(code, specialist, "Giao chuyên viên thẩm định", List.of(),
                story.official(Role.UNIT_HEAD), story.later(2, 24)));
        if (warned && story.size() + 7 <= 12) {
            story.add(new DeadlineWarned(code, due.atStartOfDay(ZONE).toInstant(), "Đã qua 75% thời hạn", List.of(),
                    new Actor("system", "Hệ thống", Role.SYSTEM, unit), story.later(48, 120)));
        }
        if (random.nextInt(100) < 15 && story.size() + 7 <= 12) {
            story.add(new ConsultationRequested(code, List.of(UNITS[random.nextInt(UNITS.length)]),
                    LocalDate.ofInstant(story.at, ZONE).plusDays(5), "Đề nghị cho ý kiến", List.of(), specialist,
                    story.later(4, 24)));
            story.add(new ConsultationAnswered(code, unit, false, "Thống nhất", documents(random, 1, "y-kien"),
                    story.official(Role.UNIT_HEAD), story.later(24, 96)));
        }
        boolean favourable = outcome >= 12;
        if (procedure.code().startsWith("BYT.DUOC.0") && random.nextInt(100) < 80 && story.size() + 6 <= 12) {
            story.add(new SiteInspectionRecorded(code, favourable ? AppraisalOutcome.FAVOURABLE
                    : AppraisalOutcome.UNFAVOURABLE, "Kiểm tra thực tế tại cơ sở", documents(random, 1, "bien-ban"),
                    specialist, story.later(24, 96)));
        }
        AppraisalOutcome appraisal = favourable ? AppraisalOutcome.FAVOURABLE : AppraisalOutcome.UNFAVOURABLE;
        story.add(new AppraisalRecorded(code, appraisal, favourable ? "Đủ điều kiện" : "Không đủ điều kiện",
                documents(random, 1, "bien-ban-tham-dinh"), specialist, story.later(24, 120)));
        if (returnedOnce && story.size() + 6 <= 12) {
            story.add(new ResultReviewed(code, false, "Đề nghị chuyên viên rà soát lại", List.of(),
                    story.official(Role.UNIT_HEAD), story.later(4, 24)));
            story.add(new AppraisalRecorded(code, appraisal, "Đã rà soát lại", documents(random, 1, "bien-ban-tham-dinh"),
                    specialist, story.later(8, 48)));
        }
        story.add(new ResultReviewed(code, true, "Trình lãnh đạo", List.of(), story.official(Role.UNIT_HEAD),
                story.later(4, 24)));
        Actor leader = story.official(Role.LEADER);
        if (favourable) {
            story.add(new DossierApproved(code, "Đồng ý", documents(random, 1, "du-thao-ket-qua"), leader,
                    story.later(4, 48)));
        } else {
            story.add(new DossierRejected(code, "Không đủ điều kiện cấp", documents(random, 1, "van-ban-tra-loi"),
                    leader, story.later(4, 48)));
        }
        int number = 1 + random.nextInt(9000);
        story.add(new ResultIssued(code, procedure.code(), favourable ? procedure.result().kind() : "REFUSAL",
                favourable ? procedure.result().title() : "Văn bản trả lời", number, number + "/SYT-NVD",
                LocalDate.ofInstant(story.at, ZONE), name, null, documents(random, 1, "ket-qua"),
                story.official(Role.CLERK), story.later(1, 8)));
        story.add(new ResultReturned(code, "Đã trả kết quả", List.of(), story.official(Role.RECEPTION),
                story.later(4, 72)));
        if (random.nextInt(100) < 80 && story.size() < 12) {
            story.add(new ServiceRated(code, 3 + random.nextInt(3), random.nextBoolean() ? "Hài lòng" : null,
                    List.of(), citizen, story.later(1, 48)));
        }
        return story.dossier(name);
    }

    /** The steps of one dossier, each some hours after the previous one; those in the future are not kept. */
    private final class Story {
        private final String code;
        private final String unit;
        private final SplittableRandom random;
        private final List<EventEnvelope> events = new ArrayList<>();
        private final Instant receivedAt;
        private Instant at;
        private String status;

        Story(String code, String unit, Instant at, SplittableRandom random) {
            this.code = code;
            this.unit = unit;
            this.at = at;
            this.receivedAt = at;
            this.random = random;
        }

        int size() {
            return events.size();
        }

        Instant later(int minHours, int maxHours) {
            at = at.plus(Duration.ofMinutes(60L * minHours + random.nextInt(60 * (maxHours - minHours) + 1)));
            return at;
        }

        Actor official(Role role) {
            int who = random.nextInt(STAFF.get(role));
            return new Actor(officialId(unit, role, who), officialName(unit, role, who), role, unit);
        }

        void add(DossierEvent event) {
            if (!event.at().isBefore(now)) {
                return;
            }
            String eventStatus = types.ofEvent(event).map(type -> type.statusOf(event)).orElse(null);
            status = eventStatus != null ? eventStatus : status;
            events.add(new EventEnvelope(UUID.randomUUID().toString(), "dossier", code,
                    event.getClass().getSimpleName(), events.size(), event.at(), eventStatus,
                    mapper.valueToTree(event)));
        }

        Dossier dossier(String name) {
            return new Dossier(code, unit, name, receivedAt, status, List.copyOf(events));
        }
    }

    /** The same official always has the same name. */
    static String officialName(String unit, Role role, int who) {
        return name(new SplittableRandom((unit + role + who).hashCode()));
    }

    static String officialId(String unit, Role role, int who) {
        return role.name().toLowerCase().replace('_', '-') + "-" + unit + "-" + who;
    }

    static int staff(Role role) {
        return STAFF.get(role);
    }

    private static String name(SplittableRandom random) {
        return FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
    }

    private static String item(SplittableRandom random) {
        return SUPPLEMENT_ITEMS[random.nextInt(SUPPLEMENT_ITEMS.length)];
    }

    private static Map<String, Object> form(String procedure, String name, SplittableRandom random) {
        Map<String, Object> form = new LinkedHashMap<>();
        String street = random.nextInt(300) + " " + STREETS[random.nextInt(STREETS.length)];
        switch (procedure) {
            case "1.002600" -> {
                form.put("productName", PRODUCTS[random.nextInt(PRODUCTS.length)] + " "
                        + GIVEN[random.nextInt(GIVEN.length)]);
                form.put("brand", BRANDS[random.nextInt(BRANDS.length)]);
                form.put("manufacturer", "Công ty TNHH Mỹ phẩm " + BRANDS[random.nextInt(BRANDS.length)]);
            }
            case "BYT.DUOC.03", "BYT.DUOC.04" -> {
                form.put("establishmentName", "Nhà thuốc " + GIVEN[random.nextInt(GIVEN.length)] + " "
                        + (1 + random.nextInt(30)));
                form.put("address", street);
                form.put("certificateNumber", digits(random, 4) + "/ĐKKDD");
                form.put("responsiblePharmacist", Map.of("fullName", name));
            }
            default -> {
                form.put("fullName", name);
                form.put("qualification", random.nextBoolean() ? "Dược sĩ đại học" : "Bác sĩ đa khoa");
                form.put("practiceFacility", "Bệnh viện đa khoa " + GIVEN[random.nextInt(GIVEN.length)]);
            }
        }
        return form;
    }

    private static List<AttachedDocument> documents(SplittableRandom random, int count, String prefix) {
        List<AttachedDocument> documents = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            StringBuilder sha256 = new StringBuilder(64);
            for (int j = 0; j < 4; j++) {
                sha256.append("%016x".formatted(random.nextLong()));
            }
            documents.add(new AttachedDocument(prefix + "-" + (i + 1) + ".pdf", "application/pdf",
                    50_000 + random.nextInt(2_000_000), sha256.toString()));
        }
        return documents;
    }

    private static String digits(SplittableRandom random, int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }
}
