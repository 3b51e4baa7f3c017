#!/bin/bash
# Container health check without curl or wget in the image: one HTTP/1.0 GET over bash's /dev/tcp.
# Healthy when the actuator readiness group answers 200. Usage: healthcheck.sh [path] [port]
path=${1:-/actuator/health/readiness}
port=${2:-${CHAT_HTTP_PORT:-8080}}
{ exec 3<>"/dev/tcp/127.0.0.1/${port}"; } 2>/dev/null || exit 1
printf 'GET %s HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 3 status <&3 || exit 1
[[ $status == "HTTP/1."[01]" 200"* ]]
