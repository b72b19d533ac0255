package vn.motcua.engine.dossier.process;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;

/**
 * Open dossiers whose time limit is near or past, per unit and procedure, for operators and their alerts:
 * {@code motcua.dossiers.due} (the warning time {@code warnAt} has passed, the due time {@code dueAt} not yet) and
 * {@code motcua.dossiers.overdue} ({@code dueAt} has passed). Read from the same process variables the BPMN timers and
 * the inbox's deadline colours read (docs/architecture.md, "The clock of a dossier"), in one statement over Camunda's
 * runtime variables — a dossier whose clock is stopped (its deadline timers suspended while the applicant supplements)
 * is not counted, and one not yet accepted and paid has no deadline yet — cached for {@link #SNAPSHOT_AGE}, so that
 * however often it is scraped the database answers at most once in that time. A gauge exists for every configured
 * unit and catalogue procedure, and for any other pair found open.
 */
@Component
public class DeadlineGauges implements MeterBinder {

    static final Duration SNAPSHOT_AGE = Duration.ofSeconds(10);

    private record Key(String unitId, String procedureCode) {
    }

    private record Counts(long due, long overdue) {
    }

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final MotcuaProperties properties;
    private final ProcedureCatalogue catalogue;
    private final LoadingCache<Boolean, Map<Key, Counts>> snapshot;
    private final Set<Key> registered = ConcurrentHashMap.newKeySet();
    private volatile MeterRegistry registry;

    public DeadlineGauges(JdbcTemplate jdbc, Clock clock, MotcuaProperties properties, ProcedureCatalogue catalogue) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.properties = properties;
        this.catalogue = catalogue;
        this.snapshot = Caffeine.newBuilder().expireAfterWrite(SNAPSHOT_AGE).build(key -> count());
    }

    @Override
    public void bindTo(MeterRegistry meters) {
        this.registry = meters;
        for (MotcuaProperties.OrgUnit unit : properties.units()) {
            for (Procedure procedure : catalogue.all()) {
                register(new Key(unit.id(), procedure.code()));
            }
        }
    }

    private void register(Key key) {
        if (!registered.add(key)) {
            return;
        }
        Gauge.builder("motcua.dossiers.due", this, gauges -> gauges.counts(key).due())
                .tags("unit", key.unitId(), "procedure", key.procedureCode())
                .description("Open dossiers past their deadline warning (warnAt), not yet due").register(registry);
        Gauge.builder("motcua.dossiers.overdue", this, gauges -> gauges.counts(key).overdue())
                .tags("unit", key.unitId(), "procedure", key.procedureCode())
                .description("Open dossiers past their due time (dueAt)").register(registry);
    }

    private Counts counts(Key key) {
        Map<Key, Counts> counts = snapshot.get(Boolean.TRUE);
        counts.keySet().forEach(this::register);
        return counts.getOrDefault(key, new Counts(0, 0));
    }

    private Map<Key, Counts> count() {
        long now = clock.millis();
        Map<Key, Counts> counts = new HashMap<>();
        jdbc.query("""
                select unit.text_, proc.text_,
                       count(*) filter (where due.long_ > ? and warn.long_ <= ?),
                       count(*) filter (where due.long_ <= ?)
                from act_ru_variable due
                join act_ru_variable unit on unit.proc_inst_id_ = due.proc_inst_id_
                     and unit.execution_id_ = unit.proc_inst_id_ and unit.name_ = 'unitId'
                join act_ru_variable proc on proc.proc_inst_id_ = due.proc_inst_id_
                     and proc.execution_id_ = proc.proc_inst_id_ and proc.name_ = 'procedureCode'
                left join act_ru_variable warn on warn.proc_inst_id_ = due.proc_inst_id_
                     and warn.execution_id_ = warn.proc_inst_id_ and warn.name_ = 'warnAt'
                where due.name_ = 'dueAt' and due.execution_id_ = due.proc_inst_id_
                  and not exists (select 1 from act_ru_job job where job.process_instance_id_ = due.proc_inst_id_
                                  and job.suspension_state_ = 2)
                group by unit.text_, proc.text_""", rs -> {
            counts.put(new Key(rs.getString(1), rs.getString(2)), new Counts(rs.getLong(3), rs.getLong(4)));
        }, now, now, now);
        return counts;
    }
}
