#!/usr/bin/env bash
# Runs the whole platform on this machine, no Docker needed:
#   ./run.sh          build if needed, then start everything (Ctrl-C stops it)
#   ./run.sh stop     stop a platform started by ./run.sh (from another terminal)
# Needs Java 17+ and Maven. Embedded PostgreSQL (15432), Redis (16379) and Kafka (19092)
# unless POSTGRES_HOST / REDIS_HOST / KAFKA_BOOTSTRAP_SERVERS point elsewhere; data and
# logs under ${CHAT_DATA_DIR:-.data}. See README "Quick start".
# Every service but the gateway (:3000) listens on 127.0.0.1 only (CHAT_BIND_ADDRESS=0.0.0.0 opens them);
# the services' credentials and Eureka's password are generated once under $CHAT_DATA_DIR/secrets/ (0600).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"

MODULES=(common-lib discovery-service gateway-service auth-service user-service message-service
	group-service call-service attachment-service realtime-service launcher)
export CHAT_DATA_DIR="${CHAT_DATA_DIR:-.data}"
PID_FILE="$CHAT_DATA_DIR/launcher.pid"

die() {
	echo "run.sh: $*" >&2
	exit 1
}

require_tools() {
	command -v java >/dev/null 2>&1 || die "Java 17 or newer is required (java not found on PATH)"
	local version major
	version=$(java -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
	major=${version%%.*}
	[[ $major == 1 ]] && major=$(cut -d. -f2 <<<"$version")
	[[ $major =~ ^[0-9]+$ ]] && ((major >= 17)) || die "Java 17 or newer is required (found '${version:-unknown}')"
	command -v mvn >/dev/null 2>&1 || die "Maven 3.8+ is required (mvn not found on PATH)"
}

# The module's own jar (not -sources/-tests/.original), or nothing.
jar_of() {
	local module=$1 jar
	for jar in "$module"/target/"$module"-[0-9]*.jar; do
		case $jar in *-sources.jar | *-tests.jar | *-javadoc.jar) continue ;; esac
		[[ -f $jar ]] && { echo "$jar"; return; }
	done
}

# A build is due when a jar is missing or any source or pom is newer than it.
needs_build() {
	local module jar
	for module in "${MODULES[@]}"; do
		jar=$(jar_of "$module")
		[[ -n $jar ]] || { echo "$module has no jar"; return 0; }
		if [[ -n $(find "$module/src" "$module/pom.xml" pom.xml -newer "$jar" -type f -print -quit 2>/dev/null) ]]; then
			echo "$module changed since its jar was built"
			return 0
		fi
	done
	return 1
}

start() {
	require_tools
	local reason
	if reason=$(needs_build); then
		echo "Building ($reason): mvn -B -q -DskipTests install"
		mvn -B -q -DskipTests install
	fi
	local launcher
	launcher=$(jar_of launcher)
	[[ -n $launcher ]] || die "launcher jar missing after the build"
	# The launcher JVM hosts the embedded Kafka broker, so it gets the full JIT as the services do
	# (CHAT_JAVA_OPTS, see docs/benchmarks.md for the start-up trade).
	# shellcheck disable=SC2086
	exec java ${LAUNCHER_JAVA_OPTS:--XX:+UseSerialGC -Xss512k -Xmx384m} -jar "$launcher"
}

alive() {
	kill -0 "$1" 2>/dev/null
}

# True when pid $1 still runs and its command line mentions $2 (guards against reused pids).
runs() {
	alive "$1" && tr '\0' ' ' <"/proc/$1/cmdline" 2>/dev/null | grep -q -- "$2"
}

wait_gone() {
	local deadline=$((SECONDS + $1)) pid
	shift
	while ((SECONDS < deadline)); do
		for pid in "$@"; do alive "$pid" && { sleep 0.5; continue 2; }; done
		return 0
	done
	return 1
}

stop() {
	if [[ ! -f $PID_FILE ]]; then
		echo "No platform running ($PID_FILE not found)"
		return 0
	fi
	local pids launcher
	# Read now: the launcher deletes the file when it exits.
	pids=$(cat "$PID_FILE")
	launcher=$(head -n 1 <<<"$pids" | tr -d '[:space:]')
	if [[ $launcher =~ ^[0-9]+$ ]] && runs "$launcher" launcher; then
		echo "Stopping the launcher (pid $launcher) and everything it started..."
		kill -TERM "$launcher"
		# The launcher stops the services (20 s grace each wave, 90 s while they write their class-data
		# archives after a first run), Kafka, Redis, PostgreSQL.
		wait_gone 240 "$launcher" || { echo "Still running after 240 s: killing it"; kill -KILL "$launcher" 2>/dev/null || true; }
	fi
	# Whatever the launcher could not stop (it was killed with SIGKILL, say).
	local pid name left=()
	while read -r pid name; do
		[[ $pid =~ ^[0-9]+$ && -n $name ]] || continue
		if runs "$pid" "$name"; then
			echo "Stopping leftover $name (pid $pid)"
			kill -TERM "$pid" 2>/dev/null || true
			left+=("$pid")
		fi
	done < <(tail -n +2 <<<"$pids")
	if ((${#left[@]})) && ! wait_gone 30 "${left[@]}"; then
		kill -KILL "${left[@]}" 2>/dev/null || true
	fi
	rm -f "$PID_FILE"
	echo "Stopped"
}

case "${1:-start}" in
start) start ;;
stop) stop ;;
-h | --help | help) sed -n '2,7p' "$0" | sed 's/^# \{0,1\}//' ;;
*) die "unknown command '$1' (use: ./run.sh, ./run.sh stop)" ;;
esac
