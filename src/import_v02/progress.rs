use indicatif::{ProgressBar, ProgressFinish, ProgressStyle};

/// A bar on stderr for the tasks being written; indicatif draws nothing when stderr is not a
/// terminal, so logs and tests see only the report.
pub fn task_bar(len: usize) -> ProgressBar {
    let bar = ProgressBar::new(len as u64).with_finish(ProgressFinish::AndClear);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} tasks, {elapsed} (eta {eta})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message("importing");
    bar
}

/// A spinner on stderr while a step of unknown length runs; gone when dropped.
pub fn spinner(message: &'static str) -> ProgressBar {
    let spinner = ProgressBar::new_spinner().with_finish(ProgressFinish::AndClear);
    spinner.set_message(message);
    spinner.enable_steady_tick(std::time::Duration::from_millis(120));
    spinner
}
