package vn.motcua.engine.config;

import java.util.Set;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDependsOnDatabaseInitializationDetector;

/**
 * Flyway owns the whole schema, Camunda's included (see {@code db.migration.V2__camunda_schema}), so
 * the process engine must start only after the migrations ran. Registered in
 * {@code META-INF/spring.factories}.
 */
public class DatabaseInitializationOrder extends AbstractBeansOfTypeDependsOnDatabaseInitializationDetector {

    @Override
    protected Set<Class<?>> getDependsOnDatabaseInitializationBeanTypes() {
        return Set.of(ProcessEngine.class, ProcessEngineFactoryBean.class, ProcessEngineConfigurationImpl.class);
    }
}
