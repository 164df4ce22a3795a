use indicatif::{ProgressBar, ProgressStyle};

/// A bar on stderr for the tasks being written; indicatif draws nothing when stderr is not a
/// terminal, so logs and tests see only the report.
pub fn task_bar(len: usize) -> ProgressBar {
    let bar = ProgressBar::new(len as u64);
    if let Ok(style) =
        ProgressStyle::with_template("{msg} [{bar:40}] {pos}/{len} tasks, {elapsed} (eta {eta})")
    {
        bar.set_style(style.progress_chars("=> "));
    }
    bar.set_message("importing");
    bar
}
