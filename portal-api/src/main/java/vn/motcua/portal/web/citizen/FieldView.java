package vn.motcua.portal.web.citizen;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A field of the applicant's form as the page draws it: the schema's field, the value to show again and the error
 * to show by it; for a list of objects, its rows (the filled ones and one empty row more).
 */
public record FieldView(FormSchemaFields.Field field, String value, String error, List<Row> rows) {

    /** One row of a list of objects. */
    public record Row(int index, List<Cell> cells) {
    }

    /** One control of a row: named {@code form.<list>[i].<column>}. */
    public record Cell(FormSchemaFields.Field column, String name, String id, String value, String error) {
    }

    static List<FieldView> of(List<FormSchemaFields.Field> fields, Map<String, Object> form,
                              Map<String, String> errors) {
        List<FieldView> views = new ArrayList<>();
        for (FormSchemaFields.Field field : fields) {
            List<Row> rows = new ArrayList<>();
            if (field.kind() == FormSchemaFields.Kind.ROWS) {
                List<Map<String, Object>> filled = FormSchemaFields.rows(form, field.path());
                int count = Math.min(filled.size() + 1, field.maxItems());
                for (int i = 0; i < count; i++) {
                    List<Cell> cells = new ArrayList<>();
                    for (FormSchemaFields.Field column : field.columns()) {
                        String path = field.path() + "[" + i + "]." + column.path();
                        String id = FormSchemaFields.idOf(path);
                        cells.add(new Cell(column, "form." + path, id,
                                i < filled.size() ? FormSchemaFields.text(filled.get(i), column.path()) : "",
                                errors.get(id)));
                    }
                    rows.add(new Row(i, cells));
                }
            }
            views.add(new FieldView(field, FormSchemaFields.text(form, field.path()), errors.get(field.id()), rows));
        }
        return views;
    }
}
