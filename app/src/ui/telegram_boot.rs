//! Opening from Telegram goes straight to the tasks. Telegram keeps initData in the URL fragment,
//! which never reaches the server, so the page it opens is rendered signed out. That page holds
//! back what it would load (the WASM, Telegram's script) in a `<template>` (`LOADS`), and its first
//! script (`telegram_boot.js`, inline, so without comments) looks for initData in the fragment (or
//! in Telegram's copy of it, kept for reloads):
//! - found: it hides the welcome behind a neutral frame in Telegram's colours (`html.tg-boot`),
//!   asks the server for the same page with `Authorization: tma <initData>` (the `startapp` task's
//!   screen when there is one), and writes the signed-in page it gets over the signed-out one
//!   (`document.open`/`write`), with this page's script nonce, which its content security policy
//!   allows. That page then loads and hydrates as it does in a browser; the signed-out page's WASM
//!   was never asked for. If the server refuses the initData (`src/page_frame.rs` answers 401), the
//!   welcome is shown and loads as below.
//! - not found: `LOADER`, after the template, puts its scripts in the page, in their order.

/// The first script of a signed-out page.
pub const SCRIPT: &str = include_str!("telegram_boot.js");

/// The id of the `<template>` that holds a signed-out page's scripts.
pub const LOADS: &str = "page-loads";

/// Runs after the template: loads its scripts unless the page is on its way to Telegram's.
pub const LOADER: &str = "__vectoraLoadPage()";

/// Tells Telegram the page is ready as soon as it is parsed: a signed-in page shows its list
/// before the WASM has arrived, and Telegram keeps its own placeholder over the app until this
/// call. The app calls it again once hydrated (`mini_app::start`).
pub const READY: &str = "addEventListener('DOMContentLoaded',()=>{const a=window.Telegram&&Telegram.WebApp;\
if(a&&a.initData)a.ready()})";
