package vn.motcua.process;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FormValidatorTest {

    private static final String COSMETICS = "1.002600";

    private final FormValidator validator = new FormValidator();

    @Test
    void cosmeticFormWithProductNameAndBrandIsValid() throws Exception {
        assertThat(validator.validate(COSMETICS, Map.of("productName", "Kem dưỡng da Sen Việt", "brand", "Sen Việt")))
                .isEmpty();
        assertThat(validator.validate(COSMETICS, new ObjectMapper().readTree("""
                {"productName": "Kem dưỡng da Sen Việt", "brand": "Sen Việt"}""")))
                .isEmpty();
    }

    @Test
    void everyMissingRequiredFieldIsReportedAtOnceByItsLabel() {
        List<FieldError> errors = validator.validate(COSMETICS, Map.of());

        assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder("productName", "brand");
        assertThat(errors).filteredOn(e -> e.path().equals("brand")).singleElement()
                .extracting(FieldError::message).asString()
                .startsWith("Nhãn hàng: bắt buộc phải kê khai")
                .endsWith("brand is required");
    }

    @Test
    void nullFormCountsAsEmpty() {
        assertThat(validator.validate(COSMETICS, (Map<String, ?>) null)).extracting(FieldError::path)
                .containsExactlyInAnyOrder("productName", "brand");
    }

    @Test
    void nestedErrorsNameTheItemAndTheField() {
        List<FieldError> errors = validator.validate(COSMETICS, Map.of(
                "productName", "Kem dưỡng da", "brand", "Sen Việt",
                "ingredients", List.of(Map.of("concentrationPercent", 2), Map.of("name", "Glycerin", "concentrationPercent", 150))));

        assertThat(errors).extracting(FieldError::path)
                .containsExactlyInAnyOrder("ingredients[0].name", "ingredients[1].concentrationPercent");
        assertThat(errors).filteredOn(e -> e.path().equals("ingredients[1].concentrationPercent")).singleElement()
                .extracting(FieldError::message).asString().startsWith("Nồng độ (%): không được lớn hơn 100");
    }

    @Test
    void wrongTypeEmptyTextAndUnknownFieldAreErrors() {
        List<FieldError> errors = validator.validate(COSMETICS, Map.of(
                "productName", "", "brand", 42, "colour", "đỏ"));

        assertThat(errors).extracting(FieldError::path).containsExactlyInAnyOrder("productName", "brand", "colour");
        assertThat(errors).filteredOn(e -> e.path().equals("brand")).singleElement()
                .extracting(FieldError::message).asString().contains("phải là chuỗi ký tự").contains("must be a string");
        assertThat(errors).filteredOn(e -> e.path().equals("productName")).singleElement()
                .extracting(FieldError::message).asString().contains("không được để trống");
        assertThat(errors).filteredOn(e -> e.path().equals("colour")).singleElement()
                .extracting(FieldError::message).asString().contains("không có trong mẫu đơn");
    }

    @Test
    void formatsAreAssertedNotOnlyAnnotated() {
        Map<String, Object> form = Map.of(
                "fullName", "Trần Thị Bình", "dateOfBirth", "31/12/1990", "idNumber", "00109901234",
                "email", "không-phải-thư", "professionalTitle", "Bác sỹ",
                "qualification", Map.of("degree", "Bác sỹ đa khoa", "issuedBy", "Trường Đại học Y Hà Nội"),
                "practiceScope", "Khám bệnh, chữa bệnh đa khoa");

        assertThat(validator.validate("BYT.KCB.01", form)).extracting(FieldError::path)
                .containsExactlyInAnyOrder("dateOfBirth", "idNumber", "email");
    }

    @Test
    void adjustmentOfTheBusinessCertificateMustListTheChanges() {
        Map<String, Object> reissue = Map.of("establishmentName", "Nhà thuốc An Khang", "certificateNumber", "123/ĐKKDD-HNO",
                "request", "REISSUE", "reason", "Bị mất");
        Map<String, Object> adjustment = Map.of("establishmentName", "Nhà thuốc An Khang", "certificateNumber", "123/ĐKKDD-HNO",
                "request", "ADJUSTMENT", "reason", "Đổi địa chỉ");

        assertThat(validator.validate("BYT.DUOC.04", reissue)).isEmpty();
        assertThat(validator.validate("BYT.DUOC.04", adjustment)).extracting(FieldError::path).contains("changes");
    }

    @Test
    void everyProcedureOfTheCatalogueHasARealisticValidForm() {
        Map<String, Map<String, Object>> valid = Map.of(
                "1.002600", Map.of("productName", "Sữa rửa mặt trà xanh", "brand", "Sen Việt",
                        "manufacturer", "Công ty TNHH Mỹ phẩm Sen Việt",
                        "ingredients", List.of(Map.of("name", "Aqua"), Map.of("name", "Camellia Sinensis Leaf Extract",
                                "concentrationPercent", 1.5))),
                "BYT.KCB.01", Map.of("fullName", "Trần Thị Bình", "dateOfBirth", "1990-12-31", "idNumber", "001190012345",
                        "professionalTitle", "Bác sỹ",
                        "qualification", Map.of("degree", "Bác sỹ đa khoa", "issuedBy", "Trường Đại học Y Hà Nội"),
                        "practiceScope", "Khám bệnh, chữa bệnh đa khoa",
                        "clinicalPractice", Map.of("facility", "Bệnh viện Bạch Mai", "months", 12)),
                "BYT.DUOC.01", Map.of("fullName", "Lê Văn Cường", "dateOfBirth", "1995-05-20", "idNumber", "001095012345",
                        "qualification", "Đại học ngành dược",
                        "practicePositions", List.of("Người chịu trách nhiệm chuyên môn về dược của nhà thuốc"),
                        "practiceMonths", 24),
                "BYT.DUOC.02", Map.of("fullName", "Lê Văn Cường", "idNumber", "001095012345",
                        "certificateNumber", "1234/CCHN-D-SYT-HNO", "reason", "LOST"),
                "BYT.DUOC.03", Map.of("establishmentName", "Nhà thuốc An Khang", "establishmentType", "PHARMACY",
                        "address", "Số 5 Phố Huế, Hai Bà Trưng, Hà Nội", "businessRegistrationNumber", "01A8012345",
                        "responsiblePharmacist", Map.of("fullName", "Lê Văn Cường", "certificateNumber", "1234/CCHN-D-SYT-HNO"),
                        "disadvantagedArea", false),
                "BYT.DUOC.04", Map.of("establishmentName", "Nhà thuốc An Khang", "certificateNumber", "123/ĐKKDD-HNO",
                        "request", "ADJUSTMENT", "reason", "Thay đổi người chịu trách nhiệm chuyên môn",
                        "changes", List.of(Map.of("item", "Người chịu trách nhiệm chuyên môn",
                                "current", "Nguyễn Văn An", "requested", "Lê Văn Cường"))));

        assertThat(valid.keySet()).containsExactlyInAnyOrderElementsOf(
                new ProcedureCatalogue().all().stream().map(Procedure::code).toList());
        valid.forEach((code, form) -> assertThat(validator.validate(code, form)).as(code).isEmpty());
        valid.forEach((code, form) -> assertThat(validator.validate(code, Map.of())).as(code).isNotEmpty());
    }

    @Test
    void unknownProcedureIsRejected() {
        assertThatThrownBy(() -> validator.validate("9.999999", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("9.999999");
    }

    @Test
    void procedureWithoutFormSchemaAcceptsAnyForm() {
        FormValidator custom = new FormValidator(catalogue("""
                {"code":"1.000001","name":"Thử","processKey":"p","timeLimit":{"days":1,"count":"WORKING_DAYS"},"feeVnd":0}"""));

        assertThat(custom.validate("1.000001", Map.of("anything", 1))).isEmpty();
    }

    @Test
    void missingSchemaFailsWhenTheValidatorIsBuiltNotWhenTheFirstApplicantSubmits() {
        String entry = """
                {"code":"1.000001","name":"Thử","processKey":"p","timeLimit":{"days":1,"count":"WORKING_DAYS"},
                 "feeVnd":0,"formSchema":"forms/does-not-exist.schema.json"}""";

        assertThatThrownBy(() -> new FormValidator(catalogue(entry)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("forms/does-not-exist.schema.json");
    }

    private static ProcedureCatalogue catalogue(String entry) {
        String json = "{\"procedures\":[" + entry + "]}";
        return new ProcedureCatalogue(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
