//! Assembles the router and runs the server.

use std::net::SocketAddr;
use std::sync::Arc;

use anyhow::Context;
use app::server::AppState;
use app::server::auth::signed_cookies::SignedCookies;
use app::server::page_cache::PageCache;
use app::server::rate_limit::RateLimits;
use app::{App, shell};
use axum::http::{Request, StatusCode};
use axum::routing::get;
use axum::{Router, middleware};
use leptos::config::{LeptosOptions, get_configuration};
use leptos::prelude::provide_context;
use leptos_axum::{LeptosRoutes, generate_route_list};
use migration::{Migrator, MigratorTrait};
use secrecy::ExposeSecret;
use tokio::net::TcpListener;
use tower::util::option_layer;
use tower_http::LatencyUnit;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::request_id::{
    MakeRequestUuid, PropagateRequestIdLayer, RequestId, SetRequestIdLayer,
};
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::{DefaultOnResponse, TraceLayer};
use tracing::Level;

use crate::bot::{self, Bot};
use crate::scheduler::Scheduler;
use crate::wasm_symbols::WasmSymbols;
use crate::{
    Config, assets, crash_reports, health_routes, metrics, page_frame, perimeter, rest, sign_in,
};

/// A server bound to its port and ready to run.
pub struct Application {
    listener: TcpListener,
    router: Router,
    state: AppState,
    /// The Telegram client and its updates; `None` when the bot is off.
    bot: Option<bot::Telegram>,
    /// Sends reminders and digests through the same client; there is none without a bot.
    scheduler: Option<Scheduler>,
}

impl Application {
    /// Connects the database, applies pending migrations (unless turned off) and binds the address.
    pub async fn build(config: Config) -> anyhow::Result<Application> {
        let connect = || async {
            app::server::db::connect(config.database_url.expose())
                .await
                .context("cannot open the database at DATABASE_URL")
        };
        if config.run_migrations {
            // On their own connections, closed before serving: a pooled SQLite connection that
            // was open while a migration changed a table can answer with the old columns.
            let migrating = connect().await?;
            Migrator::up(&migrating, None)
                .await
                .context("cannot apply database migrations")?;
            migrating.close().await.ok();
        }
        let db = connect().await?;
        let bot = bot::build(&config)?;
        let listener = TcpListener::bind(config.site_addr)
            .await
            .with_context(|| format!("cannot listen on {}", config.site_addr))?;
        let mut leptos_options = leptos_options()?;
        leptos_options.site_addr = listener.local_addr()?;
        let pages = PageCache::new(config.list_cache_mb);
        let limits = RateLimits::new(
            config.rate_limit_per_minute,
            config.sign_in_rate_limit_per_minute,
        );
        forget_idle_clients(limits.clone());
        app::server::accounts::password_hash::warm_up();
        let cookies = SignedCookies::new(
            config.secret_key.as_ref().map(|key| key.expose_secret()),
            config.is_production(),
        );
        let dev_sign_in = !config.is_production();
        let state = AppState {
            db,
            config: Arc::new(config),
            leptos_options,
            pages,
            dev_sign_in,
            limits,
            cookies,
        };
        let scheduler = bot
            .as_ref()
            .map(|telegram| Scheduler::new(telegram.bot.clone(), state.clone()));
        Ok(Application {
            listener,
            router: router(
                state.clone(),
                bot.as_ref().and_then(bot::Telegram::webhook_door),
            )?,
            state,
            bot,
            scheduler,
        })
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.listener
            .local_addr()
            .expect("a bound listener has an address")
    }

    pub fn state(&self) -> &AppState {
        &self.state
    }

    pub fn bot(&self) -> Option<&Bot> {
        self.bot.as_ref().map(|telegram| &telegram.bot)
    }

    /// The reminder scheduler, for a caller that drives `tick` itself (the tests' clock).
    pub fn scheduler(&self) -> Option<&Scheduler> {
        self.scheduler.as_ref()
    }

    pub async fn run_until(
        self,
        shutdown: impl Future<Output = ()> + Send + 'static,
    ) -> std::io::Result<()> {
        let bot = self.bot.map(|bot| bot::start(bot, self.state.clone()));
        let scheduler = self.scheduler.map(Scheduler::start);
        let served = axum::serve(
            self.listener,
            self.router
                .into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(shutdown)
        .await;
        if let Some(scheduler) = scheduler {
            scheduler.stop().await;
        }
        if let Some(bot) = bot {
            bot.stop().await;
        }
        served
    }
}

/// Every few minutes, drops the rate-limit state of clients that have been quiet for a minute.
fn forget_idle_clients(limits: RateLimits) {
    tokio::spawn(async move {
        let mut every = tokio::time::interval(std::time::Duration::from_secs(300));
        loop {
            every.tick().await;
            limits.forget_idle();
        }
    });
}

/// cargo-leptos passes the site's layout in `LEPTOS_*` variables; a binary run by hand falls
/// back to the layout in `Cargo.toml`. The site's file names carry content hashes
/// (`hash-files`) when cargo-leptos' `hash.txt` lies beside the binary, where the build and the
/// image put it and Leptos reads it: a binary started without `LEPTOS_HASH_FILES` (by hand, by
/// scripts/local_server.sh, in the image) finds it there. Asked for hashed names without that
/// file, the server refuses to start rather than name files that are not there.
fn leptos_options() -> anyhow::Result<LeptosOptions> {
    let mut options = get_configuration(None)
        .map(|conf| conf.leptos_options)
        .unwrap_or_else(|_| {
            LeptosOptions::builder()
                .output_name("vectora")
                .site_root("target/site")
                .build()
        });
    if options.output_name.is_empty() {
        options.output_name = "vectora".into();
    }
    let hash_file = assets::hash_file(&options);
    let found = hash_file.as_ref().is_some_and(|path| path.is_file());
    if std::env::var_os("LEPTOS_HASH_FILES").is_none() {
        options.hash_files = found;
    } else if options.hash_files && !found {
        anyhow::bail!(
            "LEPTOS_HASH_FILES is true but there is no {}: copy cargo-leptos' hash.txt (beside \
             the binary it builds) beside this binary",
            hash_file.map_or_else(|| "hash file".to_owned(), |path| path.display().to_string())
        );
    }
    Ok(options)
}

/// Every route, behind the perimeter; `webhook` adds Telegram's `POST /telegram/webhook`.
pub fn router(state: AppState, webhook: Option<bot::webhook::Door>) -> anyhow::Result<Router> {
    let security = perimeter::SecurityHeaders::new(&state.config)?;
    metrics::handle();
    let routes = generate_route_list(App);
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.clone());
            provide_context(app::server::RequestUser::default());
        }
    };
    let page = {
        let options = state.leptos_options.clone();
        move || shell(options.clone())
    };
    let options = &state.leptos_options;
    let pkg_files =
        assets::pkg_files(std::path::Path::new(&*options.site_root).join(&*options.site_pkg_dir));
    let pkg_route = format!("/{}", options.site_pkg_dir);
    let symbols_dir = state
        .config
        .wasm_symbols_dir
        .clone()
        .unwrap_or_else(|| WasmSymbols::default_dir(std::path::Path::new(&*options.site_root)));
    let (api_routes, api_document) = rest::router();
    let api_v1 = api_routes.clone().with_state(state.clone());
    let router = Router::new()
        .route("/health", get(health_routes::health))
        .route("/version", get(health_routes::version))
        .route("/metrics", get(metrics::render))
        .merge(api_routes)
        .merge(rest::docs::router(api_document, &state.config)?)
        .merge(sign_in::dev::router(&state))
        .merge(sign_in::router())
        .merge(crash_reports::router(Arc::new(WasmSymbols::load(
            &symbols_dir,
        ))))
        .merge(webhook.map(bot::webhook::router).unwrap_or_default())
        .merge(
            Router::new()
                .leptos_routes_with_context(&state, routes, context, page)
                .route_layer(middleware::from_fn_with_state(
                    state.clone(),
                    page_frame::load,
                )),
        )
        // The WASM, JS and CSS, with their cache rules (src/assets.rs); other files of the site
        // (favicon.svg) come from the fallback.
        .nest_service(&pkg_route, pkg_files)
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(middleware::from_fn_with_state(
            api_v1,
            rest::v02_routes::forward,
        ))
        .layer(RequestBodyLimitLayer::new(perimeter::BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            perimeter::REQUEST_TIMEOUT,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            perimeter::check_origin,
        ))
        .layer(option_layer(perimeter::cors(&state.config)))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            perimeter::check_host,
        ))
        .layer(middleware::from_fn_with_state(
            security,
            perimeter::security_headers,
        ))
        .layer(PropagateRequestIdLayer::x_request_id())
        .layer(
            TraceLayer::new_for_http()
                .make_span_with(|request: &Request<_>| {
                    let request_id = request
                        .extensions()
                        .get::<RequestId>()
                        .and_then(|id| id.header_value().to_str().ok())
                        .unwrap_or("-");
                    tracing::info_span!(
                        "request",
                        method = %request.method(),
                        path = %perimeter::loggable_path(request.uri().path()),
                        request_id = %request_id,
                    )
                })
                .on_request(())
                .on_response(
                    DefaultOnResponse::new()
                        .level(Level::INFO)
                        .latency_unit(LatencyUnit::Micros),
                ),
        )
        .layer(SetRequestIdLayer::x_request_id(MakeRequestUuid))
        .layer(middleware::from_fn(metrics::track))
        .with_state(state);
    Ok(router)
}

/// Runs until Ctrl-C or SIGTERM, then finishes in-flight requests.
pub async fn serve(config: Config) -> anyhow::Result<()> {
    let application = Application::build(config).await?;
    tracing::info!(addr = %application.local_addr(), version = env!("CARGO_PKG_VERSION"), "listening");
    application.run_until(shutdown_signal()).await?;
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}
