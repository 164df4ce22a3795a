mod healthcheck;

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use migration::{Migrator, MigratorTrait};

use app::i18n::Lang;
use app::model::TimeZoneName;

use crate::{Config, import_v02, server, telemetry};

#[derive(Debug, Parser)]
#[command(
    name = "vectora",
    version,
    about = "Vectora: a task planner that lives inside Telegram"
)]
pub struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Serve the app, the API and health checks (the default).
    Serve,
    /// Apply or roll back database migrations.
    Migrate {
        #[command(subcommand)]
        action: MigrateAction,
    },
    /// Exit 0 when the local server's /health answers 200.
    Healthcheck,
    /// Import a v0.2 installation's PostgreSQL database into DATABASE_URL (all or nothing;
    /// rows imported by an earlier run are not imported again).
    #[command(name = "import-v02")]
    ImportV02 {
        /// The v0.2 PostgreSQL URL; it is only read, never written.
        #[arg(
            long,
            value_name = "URL",
            env = "V02_DATABASE_URL",
            hide_env_values = true
        )]
        from: import_v02::SecretUrl,
        /// The IANA time zone v0.2's due dates (stored without a zone) are read in; also the
        /// time zone of the users the import creates.
        #[arg(long, value_name = "IANA", default_value = "UTC", value_parser = time_zone)]
        time_zone: TimeZoneName,
        /// Print the report without writing anything.
        #[arg(long)]
        dry_run: bool,
    },
}

fn time_zone(value: &str) -> Result<TimeZoneName, String> {
    TimeZoneName::parse(value).map_err(|e| e.message(Lang::En))
}

#[derive(Debug, Subcommand)]
enum MigrateAction {
    /// Apply every pending migration.
    Up,
    /// Roll back the last N migrations (default 1).
    Down { n: Option<u32> },
    /// List migrations and whether each is applied.
    Status,
}

pub async fn run(cli: Cli) -> ExitCode {
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            eprintln!("vectora: configuration error: {err}");
            return ExitCode::from(2);
        }
    };
    let result = match cli.command.unwrap_or(Command::Serve) {
        Command::Serve => {
            let _sentry = telemetry::init_for_server(&config);
            server::serve(config).await
        }
        Command::Migrate { action } => migrate(&config, action).await,
        Command::Healthcheck => return healthcheck::run(config.site_addr).await,
        Command::ImportV02 {
            from,
            time_zone,
            dry_run,
        } => {
            let options = import_v02::Options {
                from,
                time_zone,
                dry_run,
            };
            import_v02::run(&config, options).await
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("vectora: {err:#}");
            ExitCode::FAILURE
        }
    }
}

async fn migrate(config: &Config, action: MigrateAction) -> anyhow::Result<()> {
    let db = app::server::db::connect(config.database_url.expose()).await?;
    match action {
        MigrateAction::Up => Migrator::up(&db, None).await?,
        MigrateAction::Down { n } => Migrator::down(&db, Some(n.unwrap_or(1))).await?,
        MigrateAction::Status => {
            for migration in Migrator::get_migration_with_status(&db).await? {
                println!("{:<8} {}", migration.status().to_string(), migration.name());
            }
        }
    }
    Ok(())
}
