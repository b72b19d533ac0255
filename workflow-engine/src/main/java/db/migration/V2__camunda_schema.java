package db.migration;

import java.sql.Connection;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.datasource.init.ScriptUtils;

/**
 * Creates Camunda 7's schema with the SQL scripts shipped inside {@code camunda-engine.jar}, so that
 * Flyway owns every table and the engine runs with {@code schema-update=false}. A Camunda upgrade adds
 * one more migration that runs the matching {@code db/upgrade/postgres_engine_X_to_Y.sql} from the jar.
 */
public class V2__camunda_schema extends BaseJavaMigration {

    private static final String[] SCRIPTS = {
            "engine", "history", "identity", "case.engine", "case.history", "decision.engine", "decision.history"
    };

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        for (String part : SCRIPTS) {
            ScriptUtils.executeSqlScript(connection,
                    new ClassPathResource("org/camunda/bpm/engine/db/create/activiti.postgres.create." + part + ".sql"));
        }
    }
}
