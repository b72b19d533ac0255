package vn.motcua.process;

import org.junit.jupiter.api.Named;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.util.stream.Stream;

/** Runs a test once for each procedure of the shipped catalogue, named by its code and name. */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{0}")
@MethodSource("vn.motcua.process.EveryProcedure$Source#procedures")
@interface EveryProcedure {

    final class Source {

        private Source() {
        }

        static Stream<Named<Procedure>> procedures() {
            return new ProcedureCatalogue().all().stream().map(p -> Named.of(p.code() + " " + p.name(), p));
        }
    }
}
