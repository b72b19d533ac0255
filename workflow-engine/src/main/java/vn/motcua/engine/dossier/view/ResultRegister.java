package vn.motcua.engine.dossier.view;

import static com.mongodb.client.model.Filters.and;
import static com.mongodb.client.model.Filters.eq;
import static com.mongodb.client.model.Filters.exists;
import static com.mongodb.client.model.Filters.ne;
import static com.mongodb.client.model.Filters.regex;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

import com.mongodb.client.model.Sorts;

import vn.motcua.engine.config.MotcuaProperties;
import vn.motcua.engine.dossier.DossierPlatform;
import vn.motcua.engine.problem.Problem;
import vn.motcua.engine.readmodel.MongoReadModels;
import vn.motcua.process.Procedure;
import vn.motcua.process.ProcedureCatalogue;
import vn.motcua.process.ResultKind;

/**
 * The public register of issued results (sổ cấp kết quả): every licence, certificate or receipt number issued, with
 * whether it is still in force, corrected or revoked and by which act — as a licence register is kept open to anyone
 * who must rely on a licence (Decree 30/2020/ND-CP: corrections and revocations are documents of their own that refer
 * to the original). Read from the dossiers' views ({@link IssuedResults}); a search needs at least one criterion, so
 * the register cannot be listed whole, and an entry says nothing personal beyond the holder's name: no dossier code,
 * identity number, address, phone, nor the reasons of an act. Written refusals ({@link ResultKind#REFUSAL}) are
 * answers to one applicant, not entries of the register.
 */
@Component
public class ResultRegister {

    /** Entries per page of a search. */
    public static final int PAGE_SIZE = 20;

    private final MongoReadModels readModels;
    private final ProcedureCatalogue catalogue;
    private final MotcuaProperties properties;

    public ResultRegister(MongoReadModels readModels, ProcedureCatalogue catalogue, MotcuaProperties properties) {
        this.readModels = readModels;
        this.catalogue = catalogue;
        this.properties = properties;
    }

    /** One entry of the register as the public sees it. */
    public record Entry(String symbol, String kindTitle, String holder, String procedureCode, String procedureName,
                        String issuingAgency, String issuedOn, String status, String statusLabel, List<Act> acts) {
    }

    /** An act referring to the result: its type, number and symbol, and date. */
    public record Act(String type, String typeLabel, String symbol, String issuedOn) {
    }

    /** What was searched for; at least one criterion. */
    public record Query(String number, String holder, String procedure) {
        boolean isEmpty() {
            return blank(number) && blank(holder) && blank(procedure);
        }
    }

    /**
     * The entries matching every given criterion: {@code number} anywhere in the number and symbol, {@code holder}
     * anywhere in the holder's name (case and diacritics ignored), {@code procedure} the procedure code exactly; the
     * latest first (the dossier codes of a day run up).
     */
    public List<Entry> search(Query query, int page) {
        if (query.isEmpty()) {
            throw Problem.invalid("number", "Cần nhập ít nhất một tiêu chí: số ký hiệu, tên người được cấp hoặc mã thủ"
                    + " tục / Give at least one criterion: number, holder or procedure");
        }
        List<Bson> filters = new ArrayList<>(List.of(exists("result.symbol"), ne("result.kind", ResultKind.REFUSAL)));
        if (!blank(query.number())) {
            filters.add(regex("result.symbolKey", literal(IssuedResults.fold(query.number()))));
        }
        if (!blank(query.holder())) {
            filters.add(regex("result.holderKey", literal(IssuedResults.fold(query.holder()))));
        }
        if (!blank(query.procedure())) {
            filters.add(eq("result.procedureCode", query.procedure().strip()));
        }
        List<Document> views = readModels.views(DossierPlatform.DOSSIERS, and(filters),
                Sorts.descending("result.issuedOn", "_id"), (page + 1) * PAGE_SIZE);
        return views.stream().skip((long) page * PAGE_SIZE).map(this::entry).toList();
    }

    /** The issued result of a dossier with every act referring to it, in full, for those who may see the dossier. */
    public Optional<Document> of(String dossierCode) {
        return readModels.currentView(DossierPlatform.DOSSIERS, dossierCode)
                .map(view -> view.get("result", Document.class));
    }

    private Entry entry(Document view) {
        Document result = view.get("result", Document.class);
        String procedureCode = result.getString("procedureCode");
        String unitId = view.getString("unitId");
        List<Act> acts = result.getList("acts", Document.class, List.of()).stream()
                .map(act -> new Act(act.getString("type"), "REVOCATION".equals(act.getString("type"))
                        ? "Quyết định thu hồi" : "Văn bản đính chính", act.getString("symbol"),
                        act.getString("issuedOn")))
                .toList();
        String status = result.getString("status");
        return new Entry(result.getString("symbol"), result.getString("title"), result.getString("holder"),
                procedureCode, catalogue.find(procedureCode).map(Procedure::name).orElse(procedureCode),
                properties.unit(unitId).map(MotcuaProperties.OrgUnit::name).orElse(unitId),
                result.getString("issuedOn"), status, label(status), acts);
    }

    private static String label(String status) {
        return switch (status) {
            case IssuedResults.REVOKED -> "Đã thu hồi";
            case IssuedResults.CORRECTED -> "Đã đính chính";
            default -> "Còn hiệu lực";
        };
    }

    /** {@code text} as a regular expression matching itself: every character that is not a letter or digit escaped. */
    private static String literal(String text) {
        StringBuilder pattern = new StringBuilder();
        text.codePoints().forEach(c -> {
            if (!Character.isLetterOrDigit(c) && c != ' ') {
                pattern.append('\\');
            }
            pattern.appendCodePoint(c);
        });
        return pattern.toString();
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
