{{/* The release's name is the name of every object of the application. */}}
{{- define "motcua.fullname" -}}
{{- .Release.Name | trunc 63 | trimSuffix "-" -}}
{{- end -}}

{{- define "motcua.selectorLabels" -}}
app.kubernetes.io/name: motcua
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end -}}

{{- define "motcua.labels" -}}
{{ include "motcua.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version }}
{{- end -}}

{{/*
Where the application finds each server, and from which Secret (or ConfigMap) each credential and CA comes:
the operators' Secrets when this chart renders the servers (servers.operators.enabled), else servers.external.
The names of the operators' Secrets are theirs: CloudNativePG <cluster>-app (username, password) and <cluster>-ca;
Strimzi <user> (sasl.jaas.config) and <cluster>-cluster-ca-cert (ca.crt); the MongoDB community operator
<name>-<auth db>-<user> (connectionString.standard); ECK <name>-es-elastic-user (elastic) and
<name>-es-http-certs-public (ca.crt).
*/}}
{{- define "motcua.servers" -}}
{{- $ns := .Release.Namespace -}}
{{- if .Values.servers.operators.enabled -}}
{{- $o := .Values.servers.operators -}}
postgresql:
  host: {{ $o.postgresql.name }}-rw.{{ $ns }}.svc
  port: 5432
  database: {{ $o.postgresql.database }}
  userSecret: {name: {{ $o.postgresql.name }}-app, key: username}
  password: {name: {{ $o.postgresql.name }}-app, key: password}
  ca: {kind: secret, name: {{ $o.postgresql.name }}-ca, key: ca.crt}
kafka:
  bootstrapServers: {{ $o.kafka.name }}-kafka-bootstrap.{{ $ns }}.svc:9093
  securityProtocol: SASL_SSL
  saslMechanism: SCRAM-SHA-512
  jaasConfig: {name: {{ $o.kafka.user }}, key: sasl.jaas.config}
  ca: {kind: secret, name: {{ $o.kafka.name }}-cluster-ca-cert, key: ca.crt}
mongodb:
  uri: {name: {{ $o.mongodb.name }}-admin-{{ $o.mongodb.user }}, key: connectionString.standard}
  ca: {kind: configMap, name: {{ $o.mongodb.tls.caConfigMap }}, key: ca.crt}
elasticsearch:
  uris: https://{{ $o.elasticsearch.name }}-es-http.{{ $ns }}.svc:9200
  username: elastic
  password: {name: {{ $o.elasticsearch.name }}-es-elastic-user, key: elastic}
  ca: {kind: secret, name: {{ $o.elasticsearch.name }}-es-http-certs-public, key: ca.crt}
{{- else -}}
{{- $e := .Values.servers.external -}}
postgresql:
  host: {{ $e.postgresql.host }}
  port: {{ $e.postgresql.port }}
  database: {{ $e.postgresql.database }}
  user: {{ $e.postgresql.user }}
  password: {name: {{ $e.postgresql.password.name }}, key: {{ $e.postgresql.password.key }}}
  ca: {kind: secret, name: {{ $e.postgresql.ca.name }}, key: {{ $e.postgresql.ca.key }}}
kafka:
  bootstrapServers: {{ $e.kafka.bootstrapServers }}
  securityProtocol: {{ $e.kafka.securityProtocol }}
  {{- if eq $e.kafka.securityProtocol "SASL_SSL" }}
  saslMechanism: {{ $e.kafka.saslMechanism }}
  jaasConfig: {name: {{ $e.kafka.jaasConfig.name }}, key: {{ $e.kafka.jaasConfig.key }}}
  {{- else if ne $e.kafka.securityProtocol "SSL" }}
  {{- fail (printf "servers.external.kafka.securityProtocol must be SSL or SASL_SSL (TLS to every server), not %s" $e.kafka.securityProtocol) }}
  {{- end }}
  ca: {kind: secret, name: {{ $e.kafka.ca.name }}, key: {{ $e.kafka.ca.key }}}
mongodb:
  uri: {name: {{ $e.mongodb.uri.name }}, key: {{ $e.mongodb.uri.key }}}
  ca: {kind: secret, name: {{ $e.mongodb.ca.name }}, key: {{ $e.mongodb.ca.key }}}
elasticsearch:
  {{- if not (hasPrefix "https://" $e.elasticsearch.uris) }}
  {{- fail "servers.external.elasticsearch.uris must be https:// (TLS to every server)" }}
  {{- end }}
  uris: {{ $e.elasticsearch.uris }}
  username: {{ $e.elasticsearch.username }}
  password: {name: {{ $e.elasticsearch.password.name }}, key: {{ $e.elasticsearch.password.key }}}
  ca: {kind: secret, name: {{ $e.elasticsearch.ca.name }}, key: {{ $e.elasticsearch.ca.key }}}
{{- end -}}
{{- end -}}

{{/* The directory where each server's CA certificate is mounted, as ca.crt. */}}
{{- define "motcua.tlsDir" -}}
/etc/motcua/tls
{{- end -}}
