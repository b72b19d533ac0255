package vn.motcua.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/**
 * The boundaries of the code, checked on every build (issue 11, item 9): each Maven module holds one package per
 * capability, a capability's {@code internal} package is its own, the capabilities form no cycle, and the platform's
 * mechanisms know none of their tenants — a new aggregate type plugs in without changing them.
 */
class ArchitectureTest {

    private static final JavaClasses CODE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("vn.motcua");

    @Test
    void capabilitiesFormNoCycle() {
        slices().matching("vn.motcua.(*).(*)..").should().beFreeOfCycles().check(CODE);
    }

    @Test
    void nobodyReachesIntoAnotherCapabilitysInternals() {
        classes().that().resideInAPackage("vn.motcua..").should(onlyUseTheirOwnInternals()).check(CODE);
    }

    @Test
    void thePlatformKnowsNoTenant() {
        ArchRule rule = noClasses().that().resideInAnyPackage("vn.motcua.engine.platform..", "vn.motcua.engine.audit..",
                        "vn.motcua.engine.access..", "vn.motcua.engine.publication..", "vn.motcua.engine.readmodel..",
                        "vn.motcua.engine.calendar..", "vn.motcua.engine.identity..", "vn.motcua.engine.config..",
                        "vn.motcua.engine.embedded..", "vn.motcua.engine.problem..")
                .should().dependOnClassesThat().resideInAnyPackage("vn.motcua.engine.dossier..", "vn.motcua.eoffice..",
                        "vn.motcua.search..", "vn.motcua.portal..");
        rule.check(CODE);
    }

    /** A class may use {@code a.b.internal..} only if it lives in {@code a.b..} itself. */
    private static ArchCondition<JavaClass> onlyUseTheirOwnInternals() {
        return new ArchCondition<>("use no other capability's internal package") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    int internal = target.indexOf(".internal");
                    if (internal < 0 || !target.startsWith("vn.motcua.")) {
                        continue;
                    }
                    String owner = target.substring(0, internal);
                    if (!origin.getPackageName().equals(owner) && !origin.getPackageName().startsWith(owner + ".")) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }
}
