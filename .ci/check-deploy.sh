#!/usr/bin/env bash
# CI check of the deployment files: renders both kustomize overlays and validates the objects
# (.ci/validate_deploy.py: kinds, probes, resources, security context, pinned prod images, ...),
# runs `docker compose config -q` (or Debian's docker-compose) on docker-compose.yml and validates
# its structure, and checks the Dockerfile and monitoring files. No cluster and no Docker engine
# needed. Installs missing tools with apt-get when it can; a tool that cannot be had gives a SKIP
# line and the check falls back to what is available. Unattended: CI=true, no stdin.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
started=$SECONDS
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

say() { echo "check-deploy: $*"; }

apt_updated=false
apt_install() { # apt_install <package>: true when installed now
	command -v apt-get >/dev/null 2>&1 || return 1
	[[ $(id -u) == 0 ]] || return 1
	export DEBIAN_FRONTEND=noninteractive
	if ! $apt_updated; then
		timeout 90 apt-get update -q </dev/null >"$work/apt-update.log" 2>&1 || true
		apt_updated=true
	fi
	apt-cache show "$1" >/dev/null 2>&1 || return 1
	timeout 120 apt-get install -y -q --no-install-recommends "$1" </dev/null >"$work/apt-$1.log" 2>&1
}

# Python with PyYAML for the validator.
python=""
for candidate in python3 /usr/bin/python3; do
	if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import yaml' 2>/dev/null; then
		python=$candidate
		break
	fi
done
if [[ -z $python ]] && apt_install python3-yaml && /usr/bin/python3 -c 'import yaml' 2>/dev/null; then
	python=/usr/bin/python3
fi
validate() {
	if [[ -z $python ]]; then
		say "SKIP validate $1 (no python3 with PyYAML, and python3-yaml could not be installed)"
		return 0
	fi
	"$python" .ci/validate_deploy.py "$@" || status=1
}

# 1. Kubernetes: render with kubectl's built-in kustomize, else the kustomize binary.
render=""
if command -v kubectl >/dev/null 2>&1 && kubectl kustomize --help >/dev/null 2>&1; then
	render="kubectl kustomize"
elif command -v kustomize >/dev/null 2>&1; then
	render="kustomize build"
elif apt_install kubectl && command -v kubectl >/dev/null 2>&1; then
	render="kubectl kustomize"
elif apt_install kustomize && command -v kustomize >/dev/null 2>&1; then
	render="kustomize build"
fi
for overlay in dev prod; do
	if [[ -n $render ]]; then
		if $render "k8s/overlays/$overlay" >"$work/$overlay.yaml" 2>"$work/$overlay.err"; then
			say "rendered k8s/overlays/$overlay with '$render' ($(grep -c '^kind:' "$work/$overlay.yaml") objects)"
			validate k8s "$work/$overlay.yaml" "$overlay"
		else
			say "FAIL rendering k8s/overlays/$overlay:"
			cat "$work/$overlay.err"
			status=1
		fi
	else
		say "SKIP render k8s/overlays/$overlay (neither kubectl nor kustomize is installed or installable);" \
			"validating the base and overlay files as written instead"
		validate k8s-raw k8s "$overlay"
	fi
done

# 2. docker-compose.yml: the compose CLI's own parser (no engine needed for `config`), every profile.
compose=()
if docker compose version >/dev/null 2>&1; then
	compose=(docker compose)
elif command -v docker-compose >/dev/null 2>&1; then
	compose=(docker-compose)
elif apt_install docker-compose && command -v docker-compose >/dev/null 2>&1; then
	compose=(docker-compose)
fi
if ((${#compose[@]})); then
	for profiles in "" "--profile monitoring --profile jitsi"; do
		# shellcheck disable=SC2086 # profiles are separate words on purpose
		if "${compose[@]}" $profiles config -q </dev/null; then
			say "'${compose[*]} ${profiles:+$profiles }config -q' passed"
		else
			say "FAIL '${compose[*]} ${profiles:+$profiles }config -q'"
			status=1
		fi
	done
else
	say "SKIP docker compose config (no compose plugin and no docker-compose package); structural check only"
fi
validate compose docker-compose.yml

# 3. Dockerfile, scripts, Prometheus and Grafana files.
for script in docker/healthcheck.sh docker/postgres/init-databases.sh .ci/check-deploy.sh; do
	bash -n "$script" || { say "FAIL bash -n $script"; status=1; }
done
validate static .

say "finished in $((SECONDS - started)) s: $([[ $status == 0 ]] && echo OK || echo FAILED)"
exit "$status"
