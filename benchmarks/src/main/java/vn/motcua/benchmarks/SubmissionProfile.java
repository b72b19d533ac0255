package vn.motcua.benchmarks;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordedThread;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a submission's time goes, read from the application's JFR recording of one load window.
 *
 * <ul>
 * <li><b>On CPU</b>: the execution samples of the threads that serve requests (Tomcat's {@code http-nio-*-exec-*} and
 * the PDF readers they hand uploads to), each put in the category of the innermost frame of its stack that belongs to
 * one ({@link #CATEGORIES}; frames of the JDK other than its cryptography are looked through to their caller): what
 * each library costs by itself.</li>
 * <li><b>Blocked in I/O</b>: the native-method samples of the same threads (a thread in a socket read is in native
 * code), by the stage they wait in: mostly waits for PostgreSQL's answers.</li>
 * <li><b>By stage</b>: the same execution samples by the innermost step of the submission they fall in (sign-in,
 * multipart, form validation, attachments, the command, the process start, the commit…): what a stage costs with
 * everything it calls.</li>
 * <li><b>Other threads</b>: the execution samples of every other thread of the JVM by kind (tracking processors,
 * Elasticsearch, the Kafka broker and clients, the MongoDB-protocol server…), which compete for the same cores.</li>
 * </ul>
 */
final class SubmissionProfile {

    /** Innermost-frame categories: the first prefix (in this order) that a frame's class starts with. */
    static final List<Map.Entry<String, List<String>>> CATEGORIES = List.of(
            Map.entry("password check (BCrypt)", List.of("org.springframework.security.crypto")),
            Map.entry("security (Spring Security)", List.of("org.springframework.security")),
            Map.entry("JSON-schema validation (networknt)", List.of("com.networknt.schema")),
            Map.entry("PDF (PDFBox: the upload's check)", List.of("org.apache.pdfbox", "org.apache.fontbox")),
            Map.entry("signing, hashing (Bouncy Castle, JDK crypto)",
                    List.of("org.bouncycastle", "java.security", "sun.security", "javax.crypto", "com.sun.crypto")),
            Map.entry("Axon append (Axon, Hibernate)",
                    List.of("org.axonframework", "org.hibernate.orm", "org.hibernate", "jakarta.persistence")),
            Map.entry("Camunda (engine, MyBatis)", List.of("org.camunda", "org.apache.ibatis")),
            Map.entry("publishing (Kafka client)", List.of("org.apache.kafka", "org.springframework.kafka")),
            Map.entry("MongoDB (driver, mongo-java-server)", List.of("com.mongodb", "org.bson", "de.bwaldvogel")),
            Map.entry("PostgreSQL JDBC (driver, Hikari)",
                    List.of("org.postgresql", "com.zaxxer.hikari", "org.springframework.jdbc")),
            Map.entry("JSON (Jackson)", List.of("com.fasterxml.jackson")),
            Map.entry("logging", List.of("ch.qos.logback", "org.slf4j", "org.apache.logging")),
            Map.entry("HTTP and multipart (Tomcat, Spring MVC)", List.of("org.apache.tomcat", "org.apache.coyote",
                    "org.apache.catalina", "org.springframework.web", "org.springframework.http", "jakarta.servlet",
                    "org.springframework.boot.web", "org.hibernate.validator", "jakarta.validation")),
            Map.entry("motcua's own code", List.of("vn.motcua")));

    static final String DOSSIER_CODE = "dossier code (the agency's daily counter)";

    /** Stages of a submission, by a method on the stack (class name ends with, method name); the innermost wins. */
    static final List<Map.Entry<String, List<String>>> STAGES = List.of(
            Map.entry("sign-in (the bearer token's check)", List.of("ProviderManager#authenticate")),
            Map.entry("multipart parsing", List.of("StandardMultipartHttpServletRequest#parseRequest",
                    "Request#parseParts")),
            Map.entry("reading the dossier part (JSON, bean validation)",
                    List.of("RequestPartMethodArgumentResolver#resolveArgument")),
            Map.entry("form validation (JSON schema)", List.of("FormValidator#validate")),
            Map.entry("attachments: check and store", List.of("DocumentStore#storeAll", "DocumentStore#check")),
            Map.entry(DOSSIER_CODE, List.of("DossierCodes#next")),
            Map.entry("the command: aggregate, seal, append",
                    List.of("DefaultCommandGateway#sendAndWait", "CommandGateway#sendAndWait")),
            Map.entry("Camunda: start the process", List.of("RuntimeServiceImpl#startProcessInstanceByKey")),
            Map.entry("commit", List.of("AbstractPlatformTransactionManager#commit")),
            Map.entry("waiting for a database connection (Hikari pool)", List.of("HikariPool#getConnection")),
            Map.entry("writing the answer (JSON)",
                    List.of("AbstractMessageConverterMethodProcessor#writeWithMessageConverters")));

    /** Kinds of the other threads, by name. */
    static final List<Map.Entry<String, Predicate<String>>> THREADS = List.of(
            Map.entry("tracking processors (Axon: read models, Kafka publisher, reports…)",
                    name -> name.startsWith("EventProcessor[")),
            Map.entry("Elasticsearch node", name -> name.startsWith("elasticsearch")),
            Map.entry("search indexers (Kafka consumers → Elasticsearch)", name -> name.startsWith("search-")),
            Map.entry("Kafka broker and producer", name -> name.contains("kafka") || name.startsWith("ReplicaFetcher")
                    || name.startsWith("quorum-controller") || name.startsWith("raft")),
            Map.entry("MongoDB-protocol server", name -> name.startsWith("mongo-server") || name.startsWith("MVStore")),
            Map.entry("Camunda job executor", name -> name.startsWith("JobExecutor")),
            Map.entry("JIT, GC and JFR (Java threads only)", name -> name.startsWith("JFR")
                    || name.contains("Compiler") || name.startsWith("C1") || name.startsWith("C2")));

    record Profile(long requestSamples, Map<String, Long> onCpu, long nativeSamples, Map<String, Long> blocked,
                   Map<String, Long> stages, long otherSamples, Map<String, Long> otherThreads,
                   Map<String, Duration> waits) {

        long allSamples() {
            return requestSamples + otherSamples;
        }
    }

    static boolean servesRequests(String thread) {
        return thread.startsWith("http-nio-") && thread.contains("-exec-") || thread.startsWith("pdf-reader");
    }

    /** A window of the recording: from, to. */
    record Window(Instant from, Instant to) {

        boolean holds(Instant at) {
            return !at.isBefore(from) && !at.isAfter(to);
        }
    }

    /** The profile of each window, in one pass over the recording. */
    static List<Profile> read(Path recording, List<Window> windows) throws IOException {
        List<Counts> counts = windows.stream().map(window -> new Counts()).toList();
        try (RecordingFile file = new RecordingFile(recording)) {
            while (file.hasMoreEvents()) {
                RecordedEvent event = file.readEvent();
                for (int i = 0; i < windows.size(); i++) {
                    if (windows.get(i).holds(event.getStartTime())) {
                        counts.get(i).add(event);
                    }
                }
            }
        }
        return counts.stream().map(Counts::profile).toList();
    }

    /** The samples and waits of one window, as they are read. */
    private static final class Counts {
        final Map<String, Long> onCpu = new LinkedHashMap<>();
        final Map<String, Long> blocked = new LinkedHashMap<>();
        final Map<String, Long> stages = new LinkedHashMap<>();
        final Map<String, Long> others = new LinkedHashMap<>();
        final Map<String, Duration> waits = new TreeMap<>();
        long requestSamples;
        long nativeSamples;
        long otherSamples;

        void add(RecordedEvent event) {
            switch (event.getEventType().getName()) {
                case "jdk.ExecutionSample" -> {
                    String thread = threadName(event.getThread("sampledThread"));
                    if (servesRequests(thread)) {
                        requestSamples++;
                        onCpu.merge(category(event.getStackTrace()), 1L, Long::sum);
                        stages.merge(stage(event.getStackTrace()), 1L, Long::sum);
                    } else {
                        otherSamples++;
                        others.merge(threadKind(thread), 1L, Long::sum);
                    }
                }
                case "jdk.NativeMethodSample" -> {
                    if (servesRequests(threadName(event.getThread("sampledThread")))) {
                        nativeSamples++;
                        blocked.merge(stage(event.getStackTrace()), 1L, Long::sum);
                    }
                }
                case "jdk.ThreadPark", "jdk.JavaMonitorEnter", "jdk.JavaMonitorWait", "jdk.SocketRead" -> {
                    if (servesRequests(threadName(event.getThread())) && !idle(event.getStackTrace())) {
                        waits.merge(waitName(event) + ", in " + stage(event.getStackTrace()), event.getDuration(),
                                Duration::plus);
                    }
                }
                default -> {
                }
            }
        }

        Profile profile() {
            return new Profile(requestSamples, sorted(onCpu), nativeSamples, sorted(blocked), sorted(stages),
                    otherSamples, sorted(others), waits);
        }
    }

    /** A worker waiting for its next task (a request, an upload to read) is idle, not waiting for a submission. */
    private static boolean idle(RecordedStackTrace stack) {
        return stack != null && stack.getFrames().stream().anyMatch(frame -> frame.getMethod().getName().equals("getTask")
                && frame.getMethod().getType().getName().endsWith("ThreadPoolExecutor"));
    }

    private static String waitName(RecordedEvent event) {
        return switch (event.getEventType().getName()) {
            case "jdk.ThreadPark" -> "parked on " + className(event, "parkedClass");
            case "jdk.JavaMonitorEnter" -> "waiting for the lock of " + className(event, "monitorClass");
            case "jdk.JavaMonitorWait" -> "Object.wait on " + className(event, "monitorClass");
            default -> "socket read";
        };
    }

    private static String className(RecordedEvent event, String field) {
        jdk.jfr.consumer.RecordedClass type = event.getClass(field);
        return type == null ? "?" : type.getName().substring(type.getName().lastIndexOf('.') + 1);
    }

    private static String threadName(RecordedThread thread) {
        if (thread == null) {
            return "";
        }
        return thread.getJavaName() != null ? thread.getJavaName() : String.valueOf(thread.getOSName());
    }

    static String category(RecordedStackTrace stack) {
        if (stack == null) {
            return "other (no stack)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            for (Map.Entry<String, List<String>> category : CATEGORIES) {
                for (String prefix : category.getValue()) {
                    if (type.startsWith(prefix)) {
                        return category.getKey();
                    }
                }
            }
        }
        return "other (JDK, frameworks)";
    }

    static String stage(RecordedStackTrace stack) {
        if (stack == null) {
            return "other (no stack)";
        }
        for (RecordedFrame frame : stack.getFrames()) {
            String type = frame.getMethod().getType().getName();
            String method = type.substring(type.lastIndexOf('.') + 1) + "#" + frame.getMethod().getName();
            for (Map.Entry<String, List<String>> stage : STAGES) {
                if (stage.getValue().contains(method)) {
                    return stage.getKey();
                }
            }
        }
        return stack.isTruncated() ? "other (stack deeper than the recording keeps)" : "other (filters, dispatch)";
    }

    private static String threadKind(String name) {
        for (Map.Entry<String, Predicate<String>> kind : THREADS) {
            if (kind.getValue().test(name)) {
                return kind.getKey();
            }
        }
        return "other threads";
    }

    private static Map<String, Long> sorted(Map<String, Long> counts) {
        Map<String, Long> sorted = new LinkedHashMap<>();
        counts.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .forEach(entry -> sorted.put(entry.getKey(), entry.getValue()));
        return sorted;
    }
}
