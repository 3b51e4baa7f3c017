#!/usr/bin/env bash
# Prints fresh service credentials as .env lines for docker-compose.yml (and the values for the
# k8s Secret chatline-service-credentials): a random master secret for auth-service, each
# service's own secret derived from it as auth-service checks it (base64url of
# HMAC-SHA256(master, service name), see docs/adr/0002-service-authentication.md), and a random
# Eureka password. Usage: docker/service-secrets.sh >> .env   (or MASTER=... to derive from yours)
set -euo pipefail
command -v openssl >/dev/null 2>&1 || { echo "service-secrets.sh: openssl is required" >&2; exit 1; }
b64url() { base64 | tr '+/' '-_' | tr -d '=\n'; }
master=${MASTER:-$(openssl rand 32 | b64url)}
echo "CHAT_SERVICE_MASTER_SECRET=$master"
for service in user-service message-service group-service call-service attachment-service realtime-service gateway-service; do
	var=CHAT_$(tr 'a-z-' 'A-Z_' <<<"${service%-service}")_SERVICE_SECRET
	echo "$var=$(printf %s "$service" | openssl dgst -sha256 -hmac "$master" -binary | b64url)"
done
echo "EUREKA_PASSWORD=${EUREKA_PASSWORD:-$(openssl rand 32 | b64url)}"
