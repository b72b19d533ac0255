package vn.motcua.process;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The procedures this installation offers, read from configuration because agencies, time
 * limits and fees change by decision of a ministry or province, not by release: a procedure
 * is applied exactly as published in the national procedure database (Decree 63/2010/ND-CP
 * on control of administrative procedures). Provinces may ship their own catalogue through
 * {@link #ProcedureCatalogue(InputStream)}.
 */
public final class ProcedureCatalogue {

    private final Map<String, Procedure> byCode;
    private final List<Procedure> ordered;

    /** Loads {@value ProcessDefinitions#CATALOGUE_RESOURCE} from the classpath. */
    public ProcedureCatalogue() {
        this(openDefault());
    }

    /** Reads a catalogue document; the stream is closed afterwards. */
    public ProcedureCatalogue(InputStream json) {
        Objects.requireNonNull(json, "json");
        Document document;
        try (json) {
            document = new ObjectMapper()
                    .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
                    .readValue(json, Document.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read procedure catalogue", e);
        }
        Map<String, Procedure> procedures = new LinkedHashMap<>();
        for (Procedure procedure : document.procedures() == null ? List.<Procedure>of() : document.procedures()) {
            if (procedures.putIfAbsent(procedure.code(), procedure) != null) {
                throw new IllegalStateException("procedure listed twice in catalogue: " + procedure.code());
            }
        }
        this.byCode = Map.copyOf(procedures);
        this.ordered = List.copyOf(procedures.values());
    }

    public Optional<Procedure> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(byCode.get(code));
    }

    /** All procedures in catalogue order. */
    public List<Procedure> all() {
        return ordered;
    }

    private static InputStream openDefault() {
        InputStream in = ProcedureCatalogue.class.getClassLoader()
                .getResourceAsStream(ProcessDefinitions.CATALOGUE_RESOURCE);
        if (in == null) {
            throw new IllegalStateException("missing classpath resource " + ProcessDefinitions.CATALOGUE_RESOURCE);
        }
        return in;
    }

    private record Document(List<Procedure> procedures) {
    }
}
