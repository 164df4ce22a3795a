use clap::Parser;

#[tokio::main]
async fn main() -> std::process::ExitCode {
    vectora::cli::run(vectora::cli::Cli::parse()).await
}
