//! `vectora import-v02`: brings a running v0.2 installation (its PostgreSQL database, opened
//! read-only) into this server's database, all or nothing, remembering what came over.

mod account_fix;
mod accounts;
mod mapping;
mod note;
mod plan;
mod progress;
mod report;
mod same_source;
mod source;
mod task_fix;
mod tasks;
mod users;
mod write;

use std::time::Instant;

use anyhow::{Context, bail};
use app::model::TimeZoneName;
use migration::{Migrator, MigratorTrait};

use crate::Config;
pub use app::server::config::{SecretUrl, redact};
use report::Report;
use source::Source;

#[derive(Debug, Clone)]
pub struct Options {
    /// The v0.2 PostgreSQL URL.
    pub from: SecretUrl,
    /// The zone of v0.2's zone-less due dates, and the imported users' time zone.
    pub time_zone: TimeZoneName,
    pub dry_run: bool,
}

/// Runs the import and prints its report.
pub async fn run(config: &Config, options: Options) -> anyhow::Result<()> {
    let started = Instant::now();
    let now = app::server::clock::now();
    let reading = progress::spinner("reading the v0.2 database");
    let source = Source::open(options.from.expose()).await?;
    let data = source.read().await?;
    source.close().await;
    let plan = plan::plan(&data, options.time_zone.zone(), now);
    reading.finish_and_clear();

    let target = redact(config.database_url.expose());
    prepare_target(config, options.dry_run).await?;
    let db = app::server::db::connect(config.database_url.expose())
        .await
        .with_context(|| format!("cannot open the target database {target}"))?;
    let written = write::write(&db, &plan, options.time_zone.name(), now, options.dry_run)
        .await
        .context("the import stopped; the target database was left as it was")?;
    db.close().await.ok();

    let report = Report {
        source: redact(options.from.expose()),
        target,
        dry_run: options.dry_run,
        written,
        emails: plan.emails,
        elapsed: started.elapsed(),
    };
    print!("{report}");
    Ok(())
}

/// A real import migrates the target first (as `serve` does); a dry run writes nothing, so it
/// needs a target that is migrated already.
async fn prepare_target(config: &Config, dry_run: bool) -> anyhow::Result<()> {
    let target = redact(config.database_url.expose());
    let db = app::server::db::connect(config.database_url.expose())
        .await
        .with_context(|| format!("cannot open the target database {target}"))?;
    let pending = Migrator::get_pending_migrations(&db)
        .await
        .with_context(|| format!("cannot read the migrations of {target}"))?
        .len();
    if pending > 0 {
        if dry_run {
            bail!(
                "the target database {target} has {pending} pending migrations; a dry run \
                 writes nothing, so run `vectora migrate up` first"
            );
        }
        Migrator::up(&db, None)
            .await
            .with_context(|| format!("cannot migrate the target database {target}"))?;
    }
    db.close().await.ok();
    Ok(())
}
