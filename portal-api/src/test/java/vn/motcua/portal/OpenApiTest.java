package vn.motcua.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.portal.support.Api;
import vn.motcua.portal.support.IntegrationTest;

class OpenApiTest extends IntegrationTest {

    @Test
    void apiIsDescribedAtV3ApiDocs() {
        JsonNode docs = anonymous().get("/v3/api-docs").json();
        assertThat(docs.get("openapi").asText()).startsWith("3.");
        assertThat(docs.get("paths").has("/api/v1/dossiers")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/tasks/{id}/complete")).isTrue();
        assertThat(docs.get("paths").has("/api/v1/dossiers/{code}/history")).isTrue();
        assertThat(docs.at("/components/securitySchemes").has("bearer")).isTrue();
        assertThat(docs.get("paths").has("/error")).as("the container's error page is no operation").isFalse();
    }

    /** The submission describes the applicant's type (loại đối tượng 1–4) and an organisation's tax code. */
    @Test
    void submissionDescribesTheApplicantTypeAndTaxCode() {
        JsonNode applicant = anonymous().get("/v3/api-docs").json().at("/components/schemas/ApplicantRequest/properties");
        assertThat(applicant.at("/type/description").asText()).contains("2 doanh nghiệp");
        assertThat(applicant.at("/taxCode/pattern").asText()).isEqualTo("\\d{10}(-\\d{3})?");
    }

    @Test
    void theErrorPageCalledDirectlyIsANotFoundProblem() {
        Api api = anonymous();
        for (Api.Response response : new Api.Response[] {api.get("/error"), api.post("/error"), api.delete("/error")}) {
            assertThat(response.status()).as(response.toString()).isEqualTo(404);
            assertThat(response.contentType()).startsWith("application/problem+json");
            assertThat(response.json().get("titleVi").asText()).isEqualTo("Không tìm thấy");
            assertThat(response.json().get("titleEn").asText()).isEqualTo("Not Found");
        }
    }

    @Test
    void healthIsUp() {
        assertThat(anonymous().get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }
}
