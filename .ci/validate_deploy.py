#!/usr/bin/env python3
"""Validates chatline's deployment files without a cluster or a Docker engine.

  validate_deploy.py k8s <rendered.yaml> <dev|prod>   objects rendered by kustomize
  validate_deploy.py k8s-raw <k8s dir> <dev|prod>      fallback: the base/overlay files as written
  validate_deploy.py compose <docker-compose.yml>      structure (when no compose CLI runs it)
  validate_deploy.py static <repo root>                Dockerfile, scripts, monitoring config

Prints one line per failure and a summary; exits 1 when anything failed.
"""
import json
import pathlib
import re
import sys

import yaml

MANAGEMENT_PORTS = {"gateway-service": 3001}
SERVICES = {
    "discovery-service": 8761, "gateway-service": 3000, "auth-service": 8081, "user-service": 8082,
    "message-service": 8083, "group-service": 8084, "call-service": 8085, "realtime-service": 8086,
}
STATELESS = {"gateway-service", "auth-service", "user-service", "message-service", "group-service", "call-service"}

passed = 0
failures = []


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
    return ok


def load_all(path):
    with open(path) as f:
        return [d for d in yaml.safe_load_all(f) if d]


def by_kind(docs):
    out = {}
    for d in docs:
        out.setdefault(d.get("kind"), {})[d["metadata"]["name"]] = d
    return out


def image_tag(image):
    name = image.split("@", 1)[0]
    last = name.rsplit("/", 1)[-1]
    return last.split(":", 1)[1] if ":" in last else None


def matches(selector, labels):
    return all(labels.get(k) == v for k, v in (selector or {}).items())


def check_container(where, c, pod_sc, app):
    check("livenessProbe" in c, f"{where}: no livenessProbe")
    check("readinessProbe" in c, f"{where}: no readinessProbe")
    res = c.get("resources", {})
    req, lim = res.get("requests", {}), res.get("limits", {})
    check("cpu" in req and "memory" in req, f"{where}: resources.requests needs cpu and memory")
    check("memory" in lim and "cpu" in lim, f"{where}: resources.limits needs cpu and memory")
    sc = c.get("securityContext", {})
    check(sc.get("runAsNonRoot", pod_sc.get("runAsNonRoot")) is True, f"{where}: runAsNonRoot is not true")
    check(sc.get("readOnlyRootFilesystem") is True, f"{where}: readOnlyRootFilesystem is not true")
    check(sc.get("allowPrivilegeEscalation") is False, f"{where}: allowPrivilegeEscalation is not false")
    check("ALL" in (sc.get("capabilities", {}).get("drop") or []), f"{where}: capabilities.drop lacks ALL")
    check(bool(c.get("image")), f"{where}: no image")
    if app:
        for probe, group in (("livenessProbe", "liveness"), ("readinessProbe", "readiness")):
            path = c.get(probe, {}).get("httpGet", {}).get("path")
            check(path == f"/actuator/health/{group}", f"{where}: {probe} must use /actuator/health/{group}, not {path}")
        check(c.get("startupProbe", {}).get("httpGet", {}).get("path") == "/actuator/health/liveness",
              f"{where}: startupProbe on /actuator/health/liveness missing")
        check(any(m.get("mountPath") == "/tmp" for m in c.get("volumeMounts", [])), f"{where}: no writable /tmp mount")
        check("exec" in c.get("lifecycle", {}).get("preStop", {}) or "sleep" in c.get("lifecycle", {}).get("preStop", {}),
              f"{where}: no preStop hook (endpoints must deregister before SIGTERM)")
        env = {e["name"]: e for e in c.get("env", [])}
        ip = env.get("EUREKA_INSTANCE_IP", {}).get("valueFrom", {}).get("fieldRef", {}).get("fieldPath")
        check(ip == "status.podIP", f"{where}: EUREKA_INSTANCE_IP must come from status.podIP")


def validate_k8s(docs, env):
    kinds = by_kind(docs)
    deployments = kinds.get("Deployment", {})
    statefulsets = kinds.get("StatefulSet", {})
    configmaps = kinds.get("ConfigMap", {})
    secrets = kinds.get("Secret", {})
    for svc in SERVICES:
        check(svc in deployments, f"{env}: Deployment {svc} missing")
        for kind in ("Service", "ServiceAccount", "ConfigMap", "PodDisruptionBudget", "NetworkPolicy"):
            check(svc in kinds.get(kind, {}), f"{env}: {kind} {svc} missing")
    hpas = kinds.get("HorizontalPodAutoscaler", {})
    if env == "prod":
        for svc in STATELESS:
            check(svc in hpas, f"prod: HorizontalPodAutoscaler {svc} missing")
        check(not secrets, f"prod: Secrets must not be rendered (found {sorted(secrets)})")
        check("Cluster" in kinds and "Database" in kinds, "prod: CloudNativePG Cluster/Database missing")
        check("Kafka" in kinds and "KafkaNodePool" in kinds, "prod: Strimzi Kafka/KafkaNodePool missing")
    else:
        for name in ("postgres", "kafka", "redis"):
            check(name in statefulsets, f"dev: StatefulSet {name} missing")
            if name in statefulsets:
                check(statefulsets[name]["spec"].get("replicas") == 1, f"dev: StatefulSet {name} must have one replica")
    for hpa in hpas.values():
        target = hpa["spec"]["scaleTargetRef"]["name"]
        check(target in deployments, f"{env}: HPA {hpa['metadata']['name']} targets missing Deployment {target}")

    pods = []
    for kind, objs in (("Deployment", deployments), ("StatefulSet", statefulsets)):
        for name, obj in objs.items():
            spec = obj["spec"]["template"]["spec"]
            labels = obj["spec"]["template"]["metadata"].get("labels", {})
            pods.append((f"{kind}/{name}", labels))
            check(matches(obj["spec"]["selector"].get("matchLabels"), labels), f"{kind}/{name}: selector does not match its template")
            pod_sc = spec.get("securityContext", {})
            check(spec.get("automountServiceAccountToken") is False, f"{kind}/{name}: automountServiceAccountToken should be false")
            sa = spec.get("serviceAccountName")
            check(sa in kinds.get("ServiceAccount", {}), f"{kind}/{name}: ServiceAccount {sa} missing")
            app = name in SERVICES
            for c in spec.get("initContainers", []) + spec["containers"]:
                where = f"{env} {kind}/{name}/{c['name']}"
                check_container(where, c, pod_sc, app and c in spec["containers"])
                tag = image_tag(c.get("image", ""))
                if env == "prod":
                    check(tag not in (None, "latest"), f"{where}: image {c.get('image')} needs a pinned tag (not latest)")
                for src in c.get("envFrom", []):
                    ref = src.get("configMapRef", {}).get("name")
                    if ref:
                        check(ref in configmaps, f"{where}: ConfigMap {ref} missing")
                for e in c.get("env", []):
                    ref = e.get("valueFrom", {}).get("secretKeyRef", {}).get("name")
                    if ref and env == "dev":
                        check(ref in secrets, f"{where}: Secret {ref} missing in dev")
                if app and c in spec["containers"]:
                    check_service_credentials(where, name, {e["name"]: e for e in c.get("env", [])})
            if kind == "Deployment":
                strategy = obj["spec"].get("strategy", {})
                check(strategy.get("rollingUpdate", {}).get("maxUnavailable") == 0,
                      f"{kind}/{name}: rollingUpdate.maxUnavailable must be 0")
                if app:
                    stop = spec["containers"][0].get("lifecycle", {}).get("preStop", {}).get("exec", {}).get("command", [])
                    sleep = int(stop[-1]) if stop and stop[0] == "sleep" else 0
                    check(spec.get("terminationGracePeriodSeconds", 30) >= sleep + 30,
                          f"{kind}/{name}: terminationGracePeriodSeconds must cover preStop ({sleep}s) + 30s shutdown")
            pdb_ok = any(matches(p["spec"]["selector"].get("matchLabels"), labels)
                         for p in kinds.get("PodDisruptionBudget", {}).values())
            check(pdb_ok, f"{kind}/{name}: no PodDisruptionBudget selects it")
            np_ok = any(matches(p["spec"]["podSelector"].get("matchLabels"), labels)
                        for p in kinds.get("NetworkPolicy", {}).values())
            check(np_ok, f"{kind}/{name}: no NetworkPolicy selects it")

    for name, svc in kinds.get("Service", {}).items():
        sel = svc["spec"].get("selector")
        check(sel and any(matches(sel, labels) for _, labels in pods), f"{env}: Service {name} selects no pod")
    rt = kinds.get("Service", {}).get("realtime-service", {})
    check(rt.get("spec", {}).get("sessionAffinity") == "ClientIP", f"{env}: realtime-service needs sessionAffinity ClientIP")
    check({p["name"] for p in rt.get("spec", {}).get("ports", [])} >= {"http", "socketio"},
          f"{env}: realtime-service must expose http (8086) and socketio (8096)")
    gw_cm = configmaps.get("gateway-service", {}).get("data", {})
    check(gw_cm.get("REALTIME_SOCKET_URL") == "http://realtime-service:8096", f"{env}: gateway REALTIME_SOCKET_URL")
    ingresses = kinds.get("Ingress", {})
    check(len(ingresses) == 1, f"{env}: exactly one Ingress expected")
    for ing in ingresses.values():
        ann = ing["metadata"].get("annotations", {})
        check(ann.get("nginx.ingress.kubernetes.io/affinity") == "cookie", f"{env}: Ingress needs cookie affinity")
        backends = {p["backend"]["service"]["name"] for r in ing["spec"]["rules"] for p in r["http"]["paths"]}
        check(backends == {"gateway-service"}, f"{env}: Ingress must route only to gateway-service, not {backends}")
    if env == "prod":
        needed = sorted({e["valueFrom"]["secretKeyRef"]["name"] for d in deployments.values()
                         for c in d["spec"]["template"]["spec"]["containers"] for e in c.get("env", [])
                         if "secretKeyRef" in e.get("valueFrom", {})}
                        | {v["secret"]["secretName"] for d in deployments.values()
                           for v in d["spec"]["template"]["spec"].get("volumes", []) if "secret" in v})
        print(f"prod: Secrets to create before applying: {', '.join(needed)}")


def check_service_credentials(where, name, env_vars):
    """docs/adr/0002: the registry's account from a Secret, each service only its own credential."""
    def secret_key(var):
        return env_vars.get(var, {}).get("valueFrom", {}).get("secretKeyRef", {})
    check(secret_key("EUREKA_PASSWORD").get("key") == "password", f"{where}: EUREKA_PASSWORD must come from a Secret")
    if name == "discovery-service":
        return
    check("$(EUREKA_PASSWORD)" in env_vars.get("EUREKA_URL", {}).get("value", ""),
          f"{where}: EUREKA_URL must carry the registry's credentials")
    if name == "auth-service":
        check(secret_key("CHAT_SERVICE_MASTER_SECRET").get("key") == "master-secret",
              f"{where}: CHAT_SERVICE_MASTER_SECRET must come from a Secret")
    else:
        check(secret_key("CHAT_SERVICE_SECRET").get("key") == name,
              f"{where}: CHAT_SERVICE_SECRET must be the Secret key of this service only")
        check("CHAT_SERVICE_MASTER_SECRET" not in env_vars, f"{where}: only auth-service may have the master secret")


def validate_k8s_raw(root, env):
    """Without kustomize: check every workload file of base and overlay as written."""
    docs = []
    for path in sorted(pathlib.Path(root, "base").rglob("*.yaml")) + sorted(pathlib.Path(root, "overlays", env).rglob("*.yaml")):
        if path.name == "kustomization.yaml" or "patches" in path.parts:
            continue
        docs += load_all(path)
    for d in docs:
        if d.get("kind") in ("Deployment", "StatefulSet"):
            spec = d["spec"]["template"]["spec"]
            for c in spec["containers"]:
                check_container(f"{env}(raw) {d['kind']}/{d['metadata']['name']}/{c['name']}", c,
                                spec.get("securityContext", {}), d["metadata"]["name"] in SERVICES)
    kust = yaml.safe_load(open(pathlib.Path(root, "overlays", env, "kustomization.yaml")))
    images = {i["name"]: i for i in kust.get("images", [])}
    for svc in SERVICES:
        tag = images.get(f"chatline/{svc}", {}).get("newTag")
        check(tag and tag != "latest", f"{env}(raw): images entry for chatline/{svc} needs a pinned newTag")


def validate_compose(path):
    doc = yaml.safe_load(open(path))
    services = doc.get("services", {})
    volumes = set((doc.get("volumes") or {}).keys())
    for name in ["postgres", "redis", "kafka", *SERVICES]:
        check(name in services, f"compose: service {name} missing")
    for name, s in services.items():
        check("mem_limit" in s or "memory" in str(s.get("deploy", "")), f"compose: {name} has no memory limit")
        check("healthcheck" in s, f"compose: {name} has no healthcheck")
        deps = s.get("depends_on", {})
        if isinstance(deps, dict):
            for dep, cond in deps.items():
                check(dep in services, f"compose: {name} depends on unknown {dep}")
                if "profiles" not in s:
                    check(cond.get("condition") == "service_healthy", f"compose: {name} -> {dep} should wait for service_healthy")
        for v in s.get("volumes", []):
            src = v.split(":", 1)[0] if isinstance(v, str) else v.get("source")
            if src and not src.startswith((".", "/")):
                check(src in volumes, f"compose: {name} uses undeclared volume {src}")
    for svc in SERVICES:
        s = services.get(svc, {})
        check(s.get("build", {}).get("args", {}).get("SERVICE") == svc, f"compose: {svc} build arg SERVICE")
    check(services.get("gateway-service", {}).get("ports", [""])[0].endswith(":3000"), "compose: gateway must publish 3000")
    check(set(services.get("prometheus", {}).get("profiles", [])) == {"monitoring"}, "compose: prometheus in profile monitoring")
    check("jitsi" in services.get("jitsi-web", {}).get("profiles", []), "compose: jitsi-web in profile jitsi")


def validate_static(root):
    root = pathlib.Path(root)
    dockerfile = (root / "docker" / "Dockerfile").read_text()
    check(len(re.findall(r"^FROM ", dockerfile, re.M)) >= 2, "Dockerfile: multi-stage build expected")
    check("jarmode=tools" in dockerfile and "--layers" in dockerfile, "Dockerfile: layered jar extraction expected")
    user = re.findall(r"^USER (\S+)", dockerfile, re.M)
    check(user and not user[-1].startswith(("root", "0")), "Dockerfile: must end as a non-root USER")
    check("HEALTHCHECK" in dockerfile, "Dockerfile: HEALTHCHECK missing")
    check("MaxRAMPercentage" in dockerfile, "Dockerfile: JVM must be sized from the container limit")
    for svc in SERVICES:
        check((root / svc / "pom.xml").exists(), f"{svc}: module missing (the image build expects {svc}/target)")
    prom = yaml.safe_load((root / "monitoring" / "prometheus" / "prometheus.yml").read_text())
    targets = {t for job in prom["scrape_configs"] for sc in job.get("static_configs", []) for t in sc["targets"]}
    for svc, port in SERVICES.items():
        # The gateway serves its actuator only on its management port, never the public one.
        port = MANAGEMENT_PORTS.get(svc, port)
        check(f"{svc}:{port}" in targets, f"prometheus: {svc}:{port} is not scraped")
    dash = json.loads((root / "monitoring" / "grafana" / "dashboards" / "chatline.json").read_text())
    check(len(dash.get("panels", [])) >= 8, "grafana: dashboard has too few panels")
    for p in (root / "monitoring" / "grafana" / "provisioning").rglob("*.yml"):
        check(isinstance(yaml.safe_load(p.read_text()), dict), f"grafana: {p} is not valid YAML")
    # Images are referenced by short names (Docker Hub's default or the operator's own image); the
    # deployer prefixes their registry in the overlay. No file names a registry host.
    image_line = re.compile(r"^\s*(?:-\s*)?image:\s*[\"']?([^\s\"']+)", re.M)
    for p in [root / "docker-compose.yml", *root.joinpath("k8s").rglob("*.yaml")]:
        for image in image_line.findall(p.read_text()):
            first = image.split("/", 1)[0]
            check("/" not in image or not ("." in first or ":" in first),
                  f"{p.relative_to(root)}: image {image} names a registry host")


def main():
    mode = sys.argv[1]
    if mode == "k8s":
        validate_k8s(load_all(sys.argv[2]), sys.argv[3])
    elif mode == "k8s-raw":
        validate_k8s_raw(sys.argv[2], sys.argv[3])
    elif mode == "compose":
        validate_compose(sys.argv[2])
    elif mode == "static":
        validate_static(sys.argv[2])
    else:
        sys.exit(f"unknown mode {mode}")
    for f in failures:
        print(f"FAIL {f}")
    print(f"validate {mode} {' '.join(sys.argv[2:])}: {passed} checks passed, {len(failures)} failed")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
