package vn.motcua.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The chart helm/motcua as an operator would check it before installing: Helm's own lint and template (helm-java),
 * every rendered Kubernetes object against its strict JSON schema ({@link KubernetesSchemas}), and what a production
 * deployment must hold — at least two replicas, a disruption budget, probes on Actuator, keys read-only from Secrets,
 * no secret in a ConfigMap, TLS to every server, a hardened pod, and only the environment the production profile
 * reads. Value sets: the defaults (managed services), the servers through their operators, managed services with
 * TLS-only Kafka, an HSM (PKCS#11), an HTTPS ingress with a ServiceMonitor.
 *
 * <p>The operators' custom resources (CloudNativePG Cluster, ScheduledBackup, the Barman Cloud plugin's ObjectStore,
 * Strimzi Kafka, KafkaNodePool, KafkaUser, MongoDBCommunity, ECK Elasticsearch) have no schema reachable offline here
 * (their CRDs come with the operators' releases, not through Maven Central or npm; Strimzi's could be generated
 * from its io.strimzi:api model by its crd-generator, not done yet): they are checked field by field in {@link #theOperatorsResourcesAreWiredToTheApplication()} instead, and every other object must have a
 * schema.
 */
class HelmChartTest {

    static final List<String> VALUE_SETS = List.of("defaults", "operators", "managed-tls-only", "pkcs11",
            "ingress-monitoring");

    /** The custom resources of the servers' operators: no schema offline, checked field by field below. */
    static final Set<String> OPERATOR_RESOURCES = Set.of("postgresql.cnpg.io/v1/Cluster",
            "postgresql.cnpg.io/v1/ScheduledBackup", "barmancloud.cnpg.io/v1/ObjectStore", "kafka.strimzi.io/v1/Kafka",
            "kafka.strimzi.io/v1/KafkaNodePool", "kafka.strimzi.io/v1/KafkaUser",
            "mongodbcommunity.mongodb.com/v1/MongoDBCommunity", "elasticsearch.k8s.elastic.co/v1/Elasticsearch");

    /**
     * The environment variables that are not the production profile's own, each with the property it sets: the
     * standard Spring Boot ones are checked to bind to it by Spring's own relaxed binding
     * ({@link #theStandardVariablesSetTheSpringPropertiesMeant()}); JAVA_TOOL_OPTIONS is read by the JVM.
     */
    static final Map<String, String> STANDARD_VARIABLES = Map.ofEntries(
            Map.entry("SPRING_PROFILES_ACTIVE", "spring.profiles.active"),
            Map.entry("SPRING_CONFIG_ADDITIONAL_LOCATION", "spring.config.additional-location"),
            Map.entry("SPRING_KAFKA_SSL_TRUSTSTORETYPE", "spring.kafka.ssl.trust-store-type"),
            Map.entry("SPRING_KAFKA_SSL_TRUSTSTORELOCATION", "spring.kafka.ssl.trust-store-location"),
            Map.entry("SPRING_KAFKA_PROPERTIES_SASL_MECHANISM", "spring.kafka.properties.sasl.mechanism"),
            Map.entry("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "spring.kafka.properties.sasl.jaas.config"),
            Map.entry("SPRING_DATA_MONGODB_SSL_ENABLED", "spring.data.mongodb.ssl.enabled"),
            Map.entry("SPRING_DATA_MONGODB_SSL_BUNDLE", "spring.data.mongodb.ssl.bundle"),
            Map.entry("SPRING_SSL_BUNDLE_PEM_MONGODB_TRUSTSTORE_CERTIFICATE",
                    "spring.ssl.bundle.pem.mongodb.truststore.certificate"));

    static KubernetesSchemas schemas;

    @BeforeAll
    static void loadSchemas() {
        schemas = new KubernetesSchemas();
    }

    static Stream<RenderedChart> renderings() {
        return VALUE_SETS.stream().map(RenderedChart::render);
    }

    @Test
    void helmLintFindsNothingWrong() {
        LintResult lint = new Helm(RenderedChart.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as("%s", lint.getMessages()).isFalse();
        assertThat(lint.getMessages()).allMatch(message -> message.startsWith("[INFO]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyObjectMatchesItsKubernetesSchema(RenderedChart chart) {
        assertThat(chart.objects()).isNotEmpty();
        for (ObjectNode object : chart.objects()) {
            String type = object.path("apiVersion").asText() + "/" + object.path("kind").asText();
            if (schemas.covers(object)) {
                assertThat(schemas.violations(object)).as("%s %s", type, object.at("/metadata/name")).isEmpty();
            } else {
                assertThat(OPERATOR_RESOURCES).as("a schema for " + type).contains(type);
            }
        }
    }

    @Test
    void theSchemasRejectAMisspeltOrMistypedField() {
        ObjectNode deployment = RenderedChart.render("defaults").one("Deployment").deepCopy();
        ((ObjectNode) deployment.at("/spec/template/spec/containers/0")).set("readinesProbe",
                deployment.at("/spec/template/spec/containers/0/readinessProbe"));
        ((ObjectNode) deployment.at("/spec")).put("replicas", "two");
        assertThat(schemas.violations(deployment)).hasSize(2)
                .anyMatch(v -> v.contains("readinesProbe")).anyMatch(v -> v.contains("replicas"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void atLeastTwoReplicasAndNoneLostToARollOrADrain(RenderedChart chart) {
        JsonNode deployment = chart.one("Deployment");
        int replicas = chart.find("HorizontalPodAutoscaler")
                .map(hpa -> hpa.at("/spec/minReplicas").asInt())
                .orElseGet(() -> deployment.at("/spec/replicas").asInt());
        assertThat(replicas).isGreaterThanOrEqualTo(2);
        assertThat(deployment.at("/spec/strategy/rollingUpdate/maxUnavailable").asInt()).isZero();
        JsonNode budget = chart.one("PodDisruptionBudget");
        assertThat(budget.at("/spec/minAvailable").asInt()).isBetween(1, replicas - 1);
        assertThat(budget.at("/spec/selector/matchLabels")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
        chart.find("HorizontalPodAutoscaler").ifPresent(hpa -> {
            assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(deployment.at("/metadata/name").asText());
            assertThat(hpa.at("/spec/metrics/0/resource/name").asText()).isEqualTo("cpu");
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void probesAskActuatorOnTheManagementPort(RenderedChart chart) {
        JsonNode container = chart.container();
        assertThat(container.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/readiness");
        assertThat(container.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        assertThat(container.at("/startupProbe/httpGet/path").asText()).isEqualTo("/actuator/health/liveness");
        for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
            assertThat(container.at("/" + probe + "/httpGet/port").asText()).isEqualTo("management");
        }
        JsonNode startup = container.path("startupProbe");
        assertThat(startup.path("periodSeconds").asInt() * startup.path("failureThreshold").asInt())
                .as("seconds a pod may take to start").isGreaterThanOrEqualTo(90);
        int managementPort = port(container, "management");
        assertThat(chart.environment().path("MOTCUA_MANAGEMENT_PORT").asText()).isEqualTo(String.valueOf(managementPort));
        assertThat(chart.environment().path("PORT").asText()).isEqualTo(String.valueOf(port(container, "http")));
        assertThat(container.at("/resources/limits/memory").isMissingNode()).isFalse();
        assertThat(chart.environment().path("JAVA_TOOL_OPTIONS").asText()).contains("-XX:MaxRAMPercentage=");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void noSecretIsWrittenInAConfigMap(RenderedChart chart) {
        Pattern secretName = Pattern.compile("PASSWORD|SECRET|PIN$|TOKEN|JAAS|_URI$", Pattern.CASE_INSENSITIVE);
        Pattern credentialsInUrl = Pattern.compile("://[^/@\\s]+:[^/@\\s]+@|password=", Pattern.CASE_INSENSITIVE);
        for (ObjectNode configMap : chart.all("ConfigMap")) {
            configMap.path("data").properties().forEach(entry -> {
                if (!entry.getKey().equals("MOTCUA_OIDC_ISSUER_URI")) {
                    assertThat(entry.getKey()).doesNotContainPattern(secretName);
                }
                assertThat(entry.getValue().asText()).doesNotContainPattern(credentialsInUrl);
            });
        }
        assertThat(chart.all("Secret")).as("the chart creates no Secret: they exist before it").isEmpty();
        assertThat(chart.container().path("env")).allSatisfy(variable ->
                assertThat(variable.has("value")).as(variable.path("name").asText() + " from a Secret").isFalse());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everySecretReadIsNamedInTheValues(RenderedChart chart) throws IOException {
        Set<String> named = new TreeSet<>();
        strings(RenderedChart.YAML.readTree(RenderedChart.CHART.resolve("values.yaml").toFile()), named);
        if (!chart.valuesName().equals("defaults")) {
            strings(RenderedChart.YAML.readTree(RenderedChart.valuesFile(chart.valuesName()).toFile()), named);
        }
        if (chart.valuesName().equals("operators")) {
            // the Secrets the operators create, named after the resources this chart gives them (values.yaml)
            named.addAll(Set.of("motcua-pg-app", "motcua-pg-ca", "motcua-kafka-cluster-ca-cert",
                    "motcua-mongo-admin-motcua", "motcua-es-es-elastic-user", "motcua-es-es-http-certs-public"));
        }
        List<String> read = new ArrayList<>();
        JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
        pod.path("containers").forEach(c -> c.path("env").forEach(
                v -> read.add(v.at("/valueFrom/secretKeyRef/name").asText(null))));
        pod.path("volumes").forEach(v -> read.add(v.at("/secret/secretName").asText(null)));
        assertThat(read.stream().filter(s -> s != null).toList()).isNotEmpty().allSatisfy(
                secret -> assertThat(named).as("Secrets named in values").contains(secret));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void onlyVariablesTheProductionProfileReads(RenderedChart chart) throws IOException {
        Set<String> readByProfile = productionVariables();
        List<String> variables = new ArrayList<>();
        chart.environment().fieldNames().forEachRemaining(variables::add);
        chart.container().path("env").forEach(v -> variables.add(v.path("name").asText()));
        assertThat(variables).doesNotHaveDuplicates().allSatisfy(variable -> {
            if (variable.startsWith("MOTCUA_")) {
                assertThat(readByProfile).as("variables the production profile reads").contains(variable);
            } else if (!variable.equals("PORT") && !variable.equals("JAVA_TOOL_OPTIONS")) {
                assertThat(STANDARD_VARIABLES).containsKey(variable);
            }
        });
        assertThat(readByProfile).as("the application reads PORT (server.port)").contains("PORT");
        // what the production checklist requires is always given
        assertThat(variables).contains("MOTCUA_DB_URL", "MOTCUA_DB_USER", "MOTCUA_DB_PASSWORD",
                "MOTCUA_KAFKA_BOOTSTRAP_SERVERS", "MOTCUA_MONGODB_URI", "MOTCUA_ELASTICSEARCH_URIS", "MOTCUA_SMTP_HOST",
                "MOTCUA_OIDC_ISSUER_URI", "MOTCUA_OIDC_CLIENT_ID", "MOTCUA_OIDC_CLIENT_SECRET", "MOTCUA_SIGNER_TYPE",
                "MOTCUA_TSA_URL", "MOTCUA_TRUST_ANCHORS");
        assertThat(chart.environment().path("SPRING_PROFILES_ACTIVE").asText()).isEqualTo("production");
    }

    @Test
    void theStandardVariablesSetTheSpringPropertiesMeant() {
        Map<String, Object> environment = new java.util.HashMap<>();
        STANDARD_VARIABLES.keySet().forEach(variable -> environment.put(variable, "value of " + variable));
        var sources = ConfigurationPropertySources.from(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, environment));
        STANDARD_VARIABLES.forEach((variable, property) -> {
            ConfigurationPropertyName name = ConfigurationPropertyName.of(property);
            assertThat(java.util.stream.StreamSupport.stream(sources.spliterator(), false)
                    .map(source -> source.getConfigurationProperty(name)).filter(java.util.Objects::nonNull)
                    .map(found -> found.getValue()).toList())
                    .as(variable + " sets " + property).containsExactly("value of " + variable);
        });
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void thePodIsHardenedAndTheKeysAreReadOnly(RenderedChart chart) {
        JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
        JsonNode container = chart.container();
        assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
        assertThat(container.at("/securityContext/allowPrivilegeEscalation").asBoolean(true)).isFalse();
        assertThat(pod.path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(chart.one("ServiceAccount").path("automountServiceAccountToken").asBoolean(true)).isFalse();
        assertThat(emptyDirMountedAt(pod, container, "/tmp")).isTrue();
        assertThat(emptyDirMountedAt(pod, container, chart.environment().path("MOTCUA_DATA_DIR").asText())).isTrue();
        JsonNode environment = chart.environment();
        String keys = environment.path("MOTCUA_SIGNER_TYPE").asText().equals("pkcs12")
                ? environment.path("MOTCUA_SIGNER_PKCS12_DIRECTORY").asText()
                : Path.of(environment.path("MOTCUA_SIGNER_PKCS11_CONFIG").asText()).getParent().toString();
        JsonNode mount = mountAt(container, keys);
        assertThat(mount.path("readOnly").asBoolean()).as("keys mounted read-only at " + keys).isTrue();
        assertThat(volume(pod, mount.path("name").asText()).at("/secret/secretName").asText()).isNotEmpty();
        assertThat(chart.all("Deployment").toString()).doesNotContain("dev-pki").doesNotContain("DevPki");
        assertThat(pod.path("topologySpreadConstraints").findValuesAsText("topologyKey"))
                .contains("kubernetes.io/hostname");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("renderings")
    void everyServerIsReachedOverTlsWithItsCaMounted(RenderedChart chart) {
        JsonNode environment = chart.environment();
        JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
        assertThat(environment.path("MOTCUA_DB_URL").asText()).contains("sslmode=verify-full")
                .contains("sslrootcert=/etc/motcua/tls/postgresql/ca.crt");
        assertThat(environment.path("MOTCUA_KAFKA_SECURITY_PROTOCOL").asText()).isIn("SSL", "SASL_SSL");
        assertThat(environment.path("SPRING_KAFKA_SSL_TRUSTSTORELOCATION").asText())
                .isEqualTo("file:/etc/motcua/tls/kafka/ca.crt");
        assertThat(environment.path("SPRING_DATA_MONGODB_SSL_ENABLED").asText()).isEqualTo("true");
        assertThat(environment.path("MOTCUA_ELASTICSEARCH_URIS").asText()).startsWith("https://");
        for (String server : List.of("postgresql", "kafka", "mongodb", "elasticsearch")) {
            JsonNode mount = mountAt(chart.container(), "/etc/motcua/tls/" + server);
            assertThat(mount.path("readOnly").asBoolean()).isTrue();
            JsonNode items = volume(pod, mount.path("name").asText()).findValue("items");
            assertThat(items).as("only the CA of " + server + " is mounted").hasSize(1);
            assertThat(items.at("/0/path").asText()).isEqualTo("ca.crt");
        }
    }

    @Test
    void withManagedServicesNoServerIsRendered() {
        RenderedChart chart = RenderedChart.render("defaults");
        assertThat(chart.objects()).noneMatch(o -> OPERATOR_RESOURCES.contains(
                o.path("apiVersion").asText() + "/" + o.path("kind").asText()));
        assertThat(chart.container().path("env").findValuesAsText("name")).contains("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG");
        assertThat(RenderedChart.render("managed-tls-only").container().path("env").findValuesAsText("name"))
                .doesNotContain("SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG", "MOTCUA_SMTP_PASSWORD");
    }

    @Test
    void theOperatorsResourcesAreWiredToTheApplication() {
        RenderedChart chart = RenderedChart.render("operators");
        JsonNode environment = chart.environment();
        JsonNode env = chart.container().path("env");

        JsonNode postgres = chart.one("Cluster");
        assertThat(postgres.at("/spec/instances").asInt()).isEqualTo(3);
        assertThat(postgres.at("/spec/bootstrap/initdb/database").asText()).isEqualTo("motcua");
        assertThat(postgres.at("/spec/plugins/0/name").asText()).isEqualTo("barman-cloud.cloudnative-pg.io");
        assertThat(postgres.at("/spec/plugins/0/isWALArchiver").asBoolean()).isTrue();
        JsonNode store = chart.one("ObjectStore");
        assertThat(postgres.at("/spec/plugins/0/parameters/barmanObjectName").asText())
                .isEqualTo(store.at("/metadata/name").asText());
        assertThat(store.at("/spec/configuration/destinationPath").asText()).startsWith("s3://");
        assertThat(store.at("/spec/retentionPolicy").asText()).isEqualTo("30d");
        JsonNode backup = chart.one("ScheduledBackup");
        assertThat(backup.at("/spec/cluster/name").asText()).isEqualTo("motcua-pg");
        assertThat(backup.at("/spec/method").asText()).isEqualTo("plugin");
        assertThat(backup.at("/spec/schedule").asText().split(" ")).as("six cron fields").hasSize(6);
        assertThat(environment.path("MOTCUA_DB_URL").asText()).startsWith("jdbc:postgresql://motcua-pg-rw.motcua.svc:5432/motcua?");
        assertThat(secretOf(env, "MOTCUA_DB_USER")).isEqualTo("motcua-pg-app/username");
        assertThat(secretOf(env, "MOTCUA_DB_PASSWORD")).isEqualTo("motcua-pg-app/password");

        JsonNode kafka = chart.one("Kafka");
        JsonNode listener = kafka.at("/spec/kafka/listeners/0");
        assertThat(listener.path("tls").asBoolean()).isTrue();
        assertThat(listener.at("/authentication/type").asText()).isEqualTo("scram-sha-512");
        assertThat(kafka.at("/spec/kafka/authorization/type").asText()).isEqualTo("simple");
        JsonNode pool = chart.one("KafkaNodePool");
        assertThat(pool.at("/spec/replicas").asInt()).isEqualTo(3);
        assertThat(pool.at("/spec/roles").findValuesAsText("")).isEmpty();
        assertThat(pool.at("/spec/roles").toString()).contains("controller", "broker");
        assertThat(pool.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("motcua-kafka");
        JsonNode user = chart.one("KafkaUser");
        assertThat(user.at("/metadata/labels/strimzi.io~1cluster").asText()).isEqualTo("motcua-kafka");
        assertThat(user.at("/spec/authentication/type").asText()).isEqualTo("scram-sha-512");
        JsonNode acls = user.at("/spec/authorization/acls");
        assertThat(acls).anySatisfy(acl -> {
            assertThat(acl.at("/resource/type").asText()).isEqualTo("topic");
            assertThat(acl.at("/resource/name").asText()).isEqualTo("motcua.");
            assertThat(acl.at("/resource/patternType").asText()).isEqualTo("prefix");
        }).anySatisfy(acl -> {
            assertThat(acl.at("/resource/type").asText()).isEqualTo("group");
            assertThat(acl.at("/resource/name").asText()).isEqualTo("motcua-search");
            assertThat(acl.at("/resource/patternType").asText()).isEqualTo("prefix");
        });
        assertThat(environment.path("MOTCUA_KAFKA_BOOTSTRAP_SERVERS").asText())
                .isEqualTo("motcua-kafka-kafka-bootstrap.motcua.svc:" + listener.path("port").asInt());
        assertThat(secretOf(env, "SPRING_KAFKA_PROPERTIES_SASL_JAAS_CONFIG")).isEqualTo("motcua/sasl.jaas.config");

        JsonNode mongo = chart.one("MongoDBCommunity");
        assertThat(mongo.at("/spec/members").asInt()).isEqualTo(3);
        assertThat(mongo.at("/spec/type").asText()).isEqualTo("ReplicaSet");
        assertThat(mongo.at("/spec/security/tls/enabled").asBoolean()).isTrue();
        assertThat(mongo.at("/spec/security/authentication/modes/0").asText()).isEqualTo("SCRAM");
        assertThat(mongo.at("/spec/users/0/db").asText()).isEqualTo("admin");
        assertThat(secretOf(env, "MOTCUA_MONGODB_URI")).isEqualTo(
                "motcua-mongo-admin-" + mongo.at("/spec/users/0/name").asText() + "/connectionString.standard");

        JsonNode elasticsearch = chart.one("Elasticsearch");
        assertThat(elasticsearch.at("/spec/nodeSets/0/count").asInt()).isEqualTo(3);
        assertThat(elasticsearch.at("/spec/http/tls/selfSignedCertificate/disabled").asBoolean(true)).isFalse();
        assertThat(environment.path("MOTCUA_ELASTICSEARCH_URIS").asText()).isEqualTo("https://motcua-es-es-http.motcua.svc:9200");
        assertThat(secretOf(env, "MOTCUA_ELASTICSEARCH_PASSWORD")).isEqualTo("motcua-es-es-elastic-user/elastic");

        // the NetworkPolicy lets the pods reach exactly these servers' pods
        String egress = chart.one("NetworkPolicy").at("/spec/egress").toString();
        assertThat(egress).contains("\"cnpg.io/cluster\":\"motcua-pg\"", "\"strimzi.io/cluster\":\"motcua-kafka\"",
                "\"app\":\"motcua-mongo-svc\"", "\"elasticsearch.k8s.elastic.co/cluster-name\":\"motcua-es\"");
    }

    @Test
    void aPointInTimeRecoveryBootstrapsANewClusterFromTheBackups() {
        String values = """
                servers:
                  operators:
                    enabled: true
                    postgresql:
                      name: motcua-pg-restored
                      recovery: {enabled: true, fromServer: motcua-pg, targetTime: "2027-03-01 08:00:00+07"}
                """;
        RenderedChart chart = renderInline("pitr", values);
        JsonNode cluster = chart.one("Cluster");
        assertThat(cluster.at("/spec/bootstrap/initdb").isMissingNode()).isTrue();
        assertThat(cluster.at("/spec/bootstrap/recovery/source").asText()).isEqualTo("origin");
        assertThat(cluster.at("/spec/bootstrap/recovery/recoveryTarget/targetTime").asText())
                .isEqualTo("2027-03-01 08:00:00+07");
        assertThat(cluster.at("/spec/externalClusters/0/plugin/parameters/serverName").asText()).isEqualTo("motcua-pg");
        assertThat(chart.environment().path("MOTCUA_DB_URL").asText()).contains("motcua-pg-restored-rw");
    }

    @Test
    void anHsmSignsThroughItsMountedConfigurationAndPin() {
        RenderedChart chart = RenderedChart.render("pkcs11");
        JsonNode pod = chart.one("Deployment").at("/spec/template/spec");
        assertThat(chart.environment().path("MOTCUA_SIGNER_PKCS11_CONFIG").asText()).isEqualTo("/etc/motcua/hsm/pkcs11.cfg");
        assertThat(chart.environment().has("MOTCUA_SIGNER_PKCS12_DIRECTORY")).isFalse();
        assertThat(secretOf(chart.container().path("env"), "MOTCUA_SIGNER_PKCS11_PIN")).isEqualTo("motcua-hsm/pin");
        JsonNode config = volume(pod, mountAt(chart.container(), "/etc/motcua/hsm").path("name").asText());
        assertThat(config.at("/secret/items/0/path").asText()).isEqualTo("pkcs11.cfg");
        assertThat(pod.path("volumes").findValuesAsText("secretName")).doesNotContain("motcua-signing-keys");
    }

    @Test
    void theIngressServesHttpsAndPrometheusScrapesTheManagementPort() {
        RenderedChart chart = RenderedChart.render("ingress-monitoring");
        JsonNode ingress = chart.one("Ingress");
        assertThat(ingress.at("/spec/tls/0/secretName").asText()).isEqualTo("dichvucong-tls");
        assertThat(ingress.at("/spec/tls/0/hosts/0").asText()).isEqualTo(ingress.at("/spec/rules/0/host").asText());
        assertThat(ingress.at("/spec/rules/0/http/paths/0/backend/service/port/name").asText()).isEqualTo("http");
        JsonNode monitor = chart.one("ServiceMonitor");
        assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("management");
        assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/actuator/prometheus");
        assertThat(monitor.at("/spec/selector/matchLabels")).isEqualTo(chart.one("Service").at("/spec/selector"));
        assertThat(chart.one("Service").at("/spec/ports").findValuesAsText("name")).contains("http", "management");
        JsonNode policy = chart.one("NetworkPolicy").at("/spec/ingress");
        assertThat(policy.toString()).contains("ingress-nginx", "\"port\":\"http\"", "monitoring", "\"port\":\"management\"");
        assertThat(chart.environment().path("SPRING_CONFIG_ADDITIONAL_LOCATION").asText()).isEqualTo("optional:file:/etc/motcua/config/");
        assertThat(mountAt(chart.container(), "/etc/motcua/config").path("readOnly").asBoolean()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"refused-plaintext-kafka", "refused-http-elasticsearch", "refused-dev-pki",
            "refused-single-replica"})
    void unsafeSettingsAreRefusedBeforeAnythingIsInstalled(String values) {
        assertThat(RenderedChart.refusal(values)).containsAnyOf("TLS to every server", "dev PKI", "at least 2");
    }

    /**
     * The dashboard ConfigMap carries the chart's copy of deploy/grafana/motcua-dashboard.json (Helm reads no file
     * outside the chart): byte for byte the same, or, while deploy/grafana has none, enabling it is refused by name.
     */
    @Test
    void theGrafanaDashboardIsTheOneInDeployGrafana() throws IOException {
        Path dashboard = Path.of("grafana/motcua-dashboard.json");
        if (Files.exists(dashboard)) {
            JsonNode configMap = RenderedChart.render("grafana-dashboard").all("ConfigMap").stream()
                    .filter(c -> c.at("/metadata/labels/grafana_dashboard").asText().equals("1")).findFirst().orElseThrow();
            assertThat(configMap.at("/data/motcua-dashboard.json").asText()).isEqualTo(Files.readString(dashboard));
        } else {
            assertThat(RenderedChart.refusal("grafana-dashboard")).contains("files/motcua-dashboard.json");
        }
    }

    /** The environment variables application*.yml of portal-api reads (its ${NAME} and ${NAME:default}). */
    static Set<String> productionVariables() throws IOException {
        Set<String> variables = new TreeSet<>();
        Pattern placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)[:}]");
        try (Stream<Path> files = Files.list(Path.of("../portal-api/src/main/resources"))) {
            for (Path file : files.filter(f -> f.getFileName().toString().matches("application(-production|-servers)?\\.yml")).toList()) {
                Matcher matcher = placeholder.matcher(Files.readString(file));
                while (matcher.find()) {
                    variables.add(matcher.group(1));
                }
            }
        }
        return variables;
    }

    private static RenderedChart renderInline(String name, String values) {
        try {
            Path file = Files.createTempFile(name, ".yaml");
            Files.writeString(file, values);
            var template = new Helm(RenderedChart.CHART).template().withName(RenderedChart.RELEASE)
                    .withNamespace(RenderedChart.NAMESPACE).withValuesFile(file);
            return new RenderedChart(name, RenderedChart.parse(template.call()));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void strings(JsonNode node, Set<String> into) {
        if (node.isTextual()) {
            into.add(node.asText());
        }
        node.forEach(child -> strings(child, into));
    }

    private static String secretOf(JsonNode env, String variable) {
        for (JsonNode v : env) {
            if (v.path("name").asText().equals(variable)) {
                JsonNode ref = v.at("/valueFrom/secretKeyRef");
                return ref.path("name").asText() + "/" + ref.path("key").asText();
            }
        }
        throw new AssertionError("no " + variable + " from a Secret");
    }

    private static int port(JsonNode container, String name) {
        for (JsonNode port : container.path("ports")) {
            if (port.path("name").asText().equals(name)) {
                return port.path("containerPort").asInt();
            }
        }
        throw new AssertionError("no port " + name);
    }

    private static JsonNode mountAt(JsonNode container, String path) {
        for (JsonNode mount : container.path("volumeMounts")) {
            if (mount.path("mountPath").asText().equals(path)) {
                return mount;
            }
        }
        throw new AssertionError("nothing mounted at " + path);
    }

    private static JsonNode volume(JsonNode pod, String name) {
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.path("name").asText().equals(name)) {
                return volume;
            }
        }
        throw new AssertionError("no volume " + name);
    }

    private static boolean emptyDirMountedAt(JsonNode pod, JsonNode container, String path) {
        return volume(pod, mountAt(container, path).path("name").asText()).has("emptyDir");
    }
}
