//! The container and cluster files, checked statically (no Docker engine or cluster here): they
//! agree with each other, with the server's configuration and with nginx/nginx.prod.conf, and keep
//! the rules of the deployment guide (non-root, health checks through the binary, a private
//! database network, no X-Frame-Options, migrations before replicas start).

use std::collections::BTreeSet;
use std::path::Path;

use serde_norway::Value;

fn read(path: &str) -> String {
    let full = Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{}: {e}", full.display()))
}

fn yaml(path: &str) -> Value {
    serde_norway::from_str(&read(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn strings(value: &Value) -> Vec<String> {
    match value {
        Value::Sequence(items) => items
            .iter()
            .filter_map(|item| item.as_str().map(str::to_owned))
            .collect(),
        Value::String(text) => vec![text.clone()],
        _ => Vec::new(),
    }
}

/// The variables the server reads (the string literals of the module that reads its settings).
fn server_variables() -> BTreeSet<String> {
    let source = read("app/src/server/config/env.rs");
    source
        .split('"')
        .skip(1)
        .step_by(2)
        .filter(|text| {
            text.len() > 2
                && text
                    .chars()
                    .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
        })
        .map(str::to_owned)
        .collect()
}

fn documented_variables() -> BTreeSet<String> {
    read(".env.example")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .filter_map(|line| line.split_once('=').map(|(name, _)| name.trim().to_owned()))
        .collect()
}

/// Asserts that some instruction of `stage` is `wanted`, and shows the stage when none is.
fn assert_any(stage: &[String], wanted: impl Fn(&str) -> bool, what: &str) {
    assert!(stage.iter().any(|l| wanted(l)), "{what}: {stage:#?}");
}

/// Dockerfile stages: (name, instructions), continuation lines joined.
fn dockerfile_stages() -> Vec<(String, Vec<String>)> {
    let text = read("Dockerfile.prod").replace("\\\n", " ");
    let mut stages: Vec<(String, Vec<String>)> = Vec::new();
    for line in text.lines().map(str::trim) {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if let Some(from) = line.strip_prefix("FROM ") {
            let name = from.split(" AS ").nth(1).unwrap_or("").trim().to_owned();
            stages.push((name, vec![line.to_owned()]));
        } else if let Some((_, lines)) = stages.last_mut() {
            lines.push(line.to_owned());
        }
    }
    stages
}

#[test]
fn every_server_setting_is_documented_in_env_example() {
    let documented = documented_variables();
    let missing: Vec<_> = server_variables()
        .into_iter()
        .filter(|name| !documented.contains(name))
        .collect();
    assert!(missing.is_empty(), "not in .env.example: {missing:?}");
}

#[test]
fn the_image_builds_with_the_setup_tools_and_runs_as_non_root_with_its_own_healthcheck() {
    let stages = dockerfile_stages();
    assert!(stages.len() >= 2, "multi-stage");
    let (_, builder) = stages
        .iter()
        .find(|(name, _)| name == "builder")
        .expect("a builder stage");
    for step in ["scripts/setup.sh --build-tools", "scripts/build_release.sh"] {
        assert_any(builder, |l| l.contains(step), step);
    }
    assert!(read("scripts/build_release.sh").contains("cargo leptos build --release"));
    let rust = read("Cargo.toml")
        .lines()
        .find_map(|l| {
            l.strip_prefix("rust-version = \"")
                .map(|v| v.trim_end_matches('"').to_owned())
        })
        .expect("rust-version in Cargo.toml");
    assert!(
        read("Dockerfile.prod").contains(&format!("ARG RUST_VERSION={rust}")),
        "the builder's Rust is the workspace's rust-version {rust}"
    );

    let (name, runtime) = stages.last().unwrap();
    assert_eq!(name, "runtime", "the default target is the app");
    let user = runtime
        .iter()
        .find_map(|l| l.strip_prefix("USER "))
        .expect("USER in the runtime stage");
    assert!(
        !user.starts_with("root") && !user.starts_with('0'),
        "{user}"
    );
    let healthcheck = runtime
        .iter()
        .find(|l| l.starts_with("HEALTHCHECK"))
        .expect("HEALTHCHECK");
    assert!(
        healthcheck.contains(r#"["/app/vectora", "healthcheck"]"#),
        "{healthcheck}"
    );
    let installs = runtime
        .iter()
        .filter(|l| l.starts_with("RUN"))
        .cloned()
        .collect::<String>();
    for tool in ["curl", "wget", "python"] {
        assert!(
            !installs.contains(tool),
            "the runtime image needs no {tool}"
        );
    }
    for copy in ["COPY --from=builder /vectora", "COPY --from=builder /site"] {
        assert_any(runtime, |l| l.starts_with(copy), copy);
    }
    // hash-files: Leptos reads the content hashes of the site's names from hash.txt beside the
    // running binary (/app/vectora), where cargo-leptos writes it beside the binary it builds.
    assert!(
        read("Cargo.toml").contains("\nhash-files = true\n"),
        "the site's names carry content hashes"
    );
    assert_any(
        builder,
        |l| l.contains("cp target/release/vectora target/release/hash.txt /"),
        "the builder keeps hash.txt with the binary",
    );
    assert_any(
        runtime,
        |l| l == "COPY --from=builder /hash.txt /app/hash.txt",
        "hash.txt beside /app/vectora",
    );

    for (_, lines) in &stages {
        for line in lines
            .iter()
            .filter(|l| l.starts_with("COPY ") && !l.contains("--from"))
        {
            let parts: Vec<_> = line.split_whitespace().skip(1).collect();
            for source in &parts[..parts.len() - 1] {
                if *source != "." {
                    assert!(
                        Path::new(env!("CARGO_MANIFEST_DIR")).join(source).exists(),
                        "{line}: no {source}"
                    );
                }
            }
        }
    }
    let ignored = read(".dockerignore");
    for entry in ["target", ".env", ".git", "end2end/node_modules"] {
        assert!(
            ignored.lines().any(|l| l == entry),
            ".dockerignore: {entry}"
        );
    }
}

#[test]
fn compose_keeps_the_database_private_and_starts_in_order() {
    let compose = yaml("docker-compose.prod.yml");
    let services = &compose["services"];
    let stages: BTreeSet<_> = dockerfile_stages()
        .into_iter()
        .map(|(name, _)| name)
        .collect();

    let postgres = &services["postgres"];
    assert!(
        postgres["image"]
            .as_str()
            .unwrap()
            .starts_with("postgres:15")
    );
    assert!(
        strings(&postgres["healthcheck"]["test"])
            .join(" ")
            .contains("pg_isready")
    );
    let volumes = strings(&postgres["volumes"]);
    assert!(volumes.iter().any(|v| v.starts_with("postgres_data:")));
    assert!(volumes.iter().any(|v| v.ends_with(":/backups")));
    assert_eq!(strings(&postgres["networks"]), ["backend"]);
    assert_eq!(
        compose["networks"]["backend"]["internal"],
        Value::Bool(true)
    );
    assert!(
        postgres.get("ports").is_none(),
        "the database publishes no port"
    );

    let app = &services["app"];
    assert_eq!(
        app["depends_on"]["postgres"]["condition"],
        "service_healthy"
    );
    assert_eq!(app["env_file"], ".env");
    assert_eq!(app["build"]["dockerfile"], "Dockerfile.prod");
    assert!(stages.contains(app["build"]["target"].as_str().unwrap()));
    assert_eq!(
        strings(&app["healthcheck"]["test"]),
        ["CMD", "/app/vectora", "healthcheck"]
    );
    assert!(
        app.get("ports").is_none(),
        "only nginx is reachable from outside"
    );
    assert_eq!(app["environment"]["LEPTOS_SITE_ADDR"], "0.0.0.0:3000");

    let nginx = &services["nginx"];
    assert!(stages.contains(nginx["build"]["target"].as_str().unwrap()));
    assert_eq!(strings(&nginx["ports"]), ["80:80", "443:443"]);
    assert!(
        strings(&nginx["volumes"])
            .iter()
            .any(|v| v.starts_with("./nginx/ssl:/etc/nginx/ssl"))
    );
    assert_eq!(nginx["depends_on"]["app"]["condition"], "service_healthy");

    let documented = documented_variables();
    let text = read("docker-compose.prod.yml");
    for reference in text.split("${").skip(1) {
        let name: String = reference
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect();
        assert!(documented.contains(&name), "{name} is not in .env.example");
    }
}

#[test]
fn nginx_proxies_to_the_app_and_never_forbids_framing() {
    let conf = read("nginx/nginx.prod.conf");
    let active: String = conf
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .collect::<Vec<_>>()
        .join("\n");
    assert!(!active.to_lowercase().contains("x-frame-options"));
    assert!(
        active.contains("server app:3000;"),
        "the compose service `app` on its port"
    );
    assert!(active.contains("return 301 https://$host$request_uri;"));
    assert!(active.contains("limit_req zone="));
    assert!(active.contains("location = /telegram/webhook"));
    assert!(active.contains("location = /metrics {\n            return 404;"));
    assert!(active.contains("Strict-Transport-Security"));
    assert!(active.contains("root /srv/vectora/site;"));
    // /pkg/: revalidated unless the name is one hashed over its final content (src/assets.rs;
    // scripts/check_nginx.sh tries the rule on a release build).
    let pkg = active
        .split("location /pkg/ {")
        .nth(1)
        .expect("location /pkg/");
    assert!(pkg.contains(r#"add_header Cache-Control "no-cache" always;"#));
    assert!(
        pkg.contains(r#"add_header Cache-Control "public, max-age=31536000, immutable" always;"#)
    );
    assert!(pkg.contains(r#"__wasm_split\.(?!_{22}\.)[A-Za-z0-9_-]{22}\.js"#));
    assert!(
        !pkg.contains("[0-9a-f]{16,}"),
        "cargo-leptos' hashes are base64, not hex"
    );
    assert!(read("Dockerfile.prod").contains("COPY --from=builder /site /srv/vectora/site"));
    assert!(read("Dockerfile.prod").contains("COPY nginx/nginx.prod.conf /etc/nginx/nginx.conf"));
}

#[test]
fn kubernetes_runs_two_probed_non_root_replicas_after_a_migration_job() {
    let kustomization = yaml("deploy/k8s/kustomization.yaml");
    for resource in strings(&kustomization["resources"]) {
        let present = if resource == "secret.yaml" {
            "deploy/k8s/secret.example.yaml"
        } else {
            &format!("deploy/k8s/{resource}")
        };
        assert!(
            Path::new(env!("CARGO_MANIFEST_DIR")).join(present).exists(),
            "{resource}"
        );
    }
    let image = kustomization["images"][0]["name"]
        .as_str()
        .unwrap()
        .to_owned();

    let deployment = yaml("deploy/k8s/deployment.yaml");
    assert_eq!(deployment["spec"]["replicas"], 2);
    let pod = &deployment["spec"]["template"]["spec"];
    assert_eq!(pod["securityContext"]["runAsNonRoot"], Value::Bool(true));
    let container = &pod["containers"][0];
    assert_eq!(container["image"], image.as_str());
    assert_eq!(container["readinessProbe"]["httpGet"]["path"], "/health");
    assert!(container.get("livenessProbe").is_some());
    assert_eq!(container["ports"][0]["containerPort"], 3000);
    let labels = &deployment["spec"]["template"]["metadata"]["labels"];

    let config = yaml("deploy/k8s/configmap.yaml");
    let secret = yaml("deploy/k8s/secret.example.yaml");
    let refs: Vec<_> = container["envFrom"]
        .as_sequence()
        .unwrap()
        .iter()
        .map(|source| {
            source["configMapRef"]["name"]
                .as_str()
                .or(source["secretRef"]["name"].as_str())
                .unwrap()
                .to_owned()
        })
        .collect();
    assert_eq!(
        refs,
        [
            config["metadata"]["name"].as_str().unwrap(),
            secret["metadata"]["name"].as_str().unwrap()
        ]
    );
    let known = server_variables();
    for data in [&config["data"], &secret["stringData"]] {
        for key in data.as_mapping().unwrap().keys() {
            let key = key.as_str().unwrap();
            assert!(known.contains(key), "{key} is not a server setting");
        }
    }
    assert_eq!(config["data"]["RUN_MIGRATIONS"], "false");
    assert_eq!(
        config["data"]["BOT_MODE"], "webhook",
        "replicas cannot share long polling"
    );
    assert_eq!(config["data"]["APP_ENV"], "production");

    let job = yaml("deploy/k8s/migrate-job.yaml");
    let migrate = &job["spec"]["template"]["spec"]["containers"][0];
    assert_eq!(migrate["image"], image.as_str());
    assert_eq!(
        strings(&migrate["command"]),
        ["/app/vectora", "migrate", "up"]
    );

    let service = yaml("deploy/k8s/service.yaml");
    for (key, value) in service["spec"]["selector"].as_mapping().unwrap() {
        assert_eq!(
            &labels[key], value,
            "the Service selects the Deployment's pods"
        );
    }
    let ingress = yaml("deploy/k8s/ingress.yaml");
    let backend = &ingress["spec"]["rules"][0]["http"]["paths"][0]["backend"]["service"];
    assert_eq!(backend["name"], service["metadata"]["name"]);
    assert!(
        read(".gitignore")
            .lines()
            .any(|l| l == "deploy/k8s/secret.yaml")
    );
}

/// Whether an Ingress path of `kind` (`Exact` or `Prefix`, matched by whole segments) routes
/// `path`.
fn ingress_routes(rule: &str, kind: &str, path: &str) -> bool {
    match kind {
        "Exact" => path == rule,
        "Prefix" => {
            let rule = rule.trim_end_matches('/');
            path == rule || path.starts_with(&format!("{rule}/"))
        }
        other => panic!("pathType {other}: the matching is the controller's own"),
    }
}

/// The app's pages, as paths a browser asks for (`tasks/:id` becomes `/tasks/1`).
fn page_paths() -> Vec<String> {
    read("app/src/ui/mod.rs")
        .split("path!(\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(path, _)| path))
        .map(|path| format!("/{}", path.replace(":id", "1")))
        .collect()
}

#[test]
fn the_ingress_routes_the_public_paths_and_never_metrics() {
    let ingress = yaml("deploy/k8s/ingress.yaml");
    let rules: Vec<(String, String)> = ingress["spec"]["rules"]
        .as_sequence()
        .unwrap()
        .iter()
        .flat_map(|rule| rule["http"]["paths"].as_sequence().unwrap())
        .map(|path| {
            let field = |name: &str| path[name].as_str().unwrap().to_owned();
            (field("path"), field("pathType"))
        })
        .collect();
    let routed = |path: &str| {
        rules
            .iter()
            .any(|(rule, kind)| ingress_routes(rule, kind, path))
    };

    let site_files = std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("public"))
        .unwrap()
        .map(|entry| format!("/{}", entry.unwrap().file_name().to_string_lossy()));
    let doors = [
        "/api/v1/tasks",
        "/api/tasks/quick",
        "/docs",
        "/auth/link/token",
        "/pkg/app.wasm",
        "/health",
        "/version",
        "/crash-reports",
        "/telegram/webhook",
        "/tasks/",
        "/tasks/metadata/tags",
    ];
    let public: Vec<String> = page_paths()
        .into_iter()
        .chain(site_files)
        .chain(doors.map(str::to_owned))
        .collect();
    assert!(public.contains(&"/tasks/1".to_owned()), "{public:?}");
    for path in &public {
        assert!(routed(path), "the ingress does not route {path}");
    }
    assert!(
        !routed("/metrics"),
        "Prometheus scrapes the pods, never the public host"
    );
}
