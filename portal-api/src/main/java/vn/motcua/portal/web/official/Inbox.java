package vn.motcua.portal.web.official;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Function;

import vn.motcua.engine.platform.task.TaskItem;

/**
 * The officials' inbox as a page shows it: the tasks of {@code TaskInbox.inbox} (nothing added, nothing decided
 * here), each with what is needed to find it again (the dossier's applicant, the procedure's name), the counters of
 * the whole inbox and the rows the filters keep. "Due soon" is the engine's own warning point ({@code warnAt}: 75%
 * of the working time up to the appointed date, {@code Deadlines}); a task without a deadline (reception, before the
 * clock starts with the acceptance and the fee) is "no deadline yet".
 */
public record Inbox(List<Row> rows, List<Row> shown, Counters counters, Filter filter, Map<String, String> steps,
             Map<String, String> procedures) {

    /** One task: its link, what it is about and where it stands against its deadline. */
    public record Row(TaskItem task, String kind, String reference, String link, String applicantName,
               String procedureCode, String procedureName, Instant dueAt, String deadline) {

        boolean matches(Filter filter) {
            return (filter.kind() == null || filter.kind().equals(kind))
                    && (filter.step() == null || filter.step().equals(task.step()))
                    && (filter.deadline() == null || filter.deadline().equals(deadline))
                    && (filter.procedure() == null || filter.procedure().equals(procedureCode))
                    && (filter.query() == null || contains(reference, filter.query())
                    || contains(applicantName, filter.query()));
        }

        private static boolean contains(String text, String query) {
            return text != null && fold(text).contains(fold(query));
        }

        private static String fold(String text) {
            return vn.motcua.engine.dossier.view.IssuedResults.fold(text);
        }
    }

    /** The filters, as they stand in the address (every one optional). */
    public record Filter(String kind, String step, String deadline, String procedure, String query) {

        static final List<String> KINDS = List.of("dossier", "document");
        static final List<String> DEADLINES = List.of("ON_TIME", "DUE_SOON", "OVERDUE", "NONE");

        public Filter {
            kind = kind != null && KINDS.contains(kind) ? kind : null;
            deadline = deadline != null && DEADLINES.contains(deadline) ? deadline : null;
            step = blankToNull(step);
            procedure = blankToNull(procedure);
            query = blankToNull(query);
        }

        public boolean any() {
            return kind != null || step != null || deadline != null || procedure != null || query != null;
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** How many tasks in all, due soon, overdue, and per step (in the order the steps first appear). */
    public record Counters(int total, long dueSoon, long overdue, long noDeadline, Map<String, Long> perStep) {
    }

    static Inbox of(List<Row> rows, Filter filter) {
        Map<String, Long> perStep = new LinkedHashMap<>();
        Map<String, String> steps = new LinkedHashMap<>();
        Map<String, String> procedures = new TreeMap<>();
        for (Row row : rows) {
            perStep.merge(row.task().step(), 1L, Long::sum);
            steps.putIfAbsent(row.task().step(), row.task().name());
            if (row.procedureCode() != null) {
                procedures.putIfAbsent(row.procedureCode(), Objects.requireNonNullElse(row.procedureName(),
                        row.procedureCode()));
            }
        }
        Function<String, Long> count = deadline -> rows.stream().filter(row -> deadline.equals(row.deadline())).count();
        Counters counters = new Counters(rows.size(), count.apply("DUE_SOON"), count.apply("OVERDUE"),
                count.apply("NONE"), perStep);
        return new Inbox(rows, rows.stream().filter(row -> row.matches(filter)).toList(), counters, filter, steps,
                procedures);
    }
}
