//! Telegram's Mini App bridge (`window.Telegram.WebApp`, from `telegram-web-app.js`). Inside
//! Telegram the page carries signed initData; outside it (a plain browser) and on the server every
//! call here does nothing and the UI uses its own controls.

/// Feedback through the phone's vibration motor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Haptic {
    Success,
    Warning,
    Tap,
}

/// A button at the bottom (MainButton) or top (BackButton) of Telegram's own frame.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TelegramButton {
    Main,
    Back,
}

#[cfg(feature = "hydrate")]
pub use bridge::*;

#[cfg(not(feature = "hydrate"))]
mod outside {
    use super::{Haptic, TelegramButton};

    pub fn init_data() -> Option<String> {
        None
    }
    pub fn inside() -> bool {
        false
    }
    pub fn start() {}
    pub fn start_param() -> Option<String> {
        None
    }
    pub fn haptic(_: Haptic) {}
    pub fn frame_color(_: &str) {}
    pub fn alert(_: &str) {}
    pub async fn confirm(_: &str) -> bool {
        true
    }
    pub fn show_button(_: TelegramButton, _: &str, _: impl Fn() + 'static) -> u32 {
        0
    }
    pub fn hide_button(_: TelegramButton, _: u32) {}
    pub fn browser_time_zone() -> Option<String> {
        None
    }
}

#[cfg(not(feature = "hydrate"))]
pub use outside::*;

#[cfg(feature = "hydrate")]
mod bridge {
    use std::cell::{Cell, OnceCell, RefCell};

    use js_sys::{Array, Function, Object, Reflect};
    use wasm_bindgen::JsCast;
    use wasm_bindgen::prelude::*;

    use super::{Haptic, TelegramButton};

    thread_local! {
        static INIT_DATA: OnceCell<Option<String>> = const { OnceCell::new() };
        static HANDLERS: RefCell<[Option<(u32, JsValue)>; 2]> = const { RefCell::new([None, None]) };
        static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    }

    fn get(target: &JsValue, key: &str) -> Option<JsValue> {
        Reflect::get(target, &JsValue::from_str(key))
            .ok()
            .filter(|value| !value.is_undefined() && !value.is_null())
    }

    fn call(target: &JsValue, method: &str, args: &[JsValue]) -> Option<JsValue> {
        let function: Function = get(target, method)?.dyn_into().ok()?;
        function.apply(target, &args.iter().collect::<Array>()).ok()
    }

    fn web_app() -> Option<JsValue> {
        get(&get(&js_sys::global(), "Telegram")?, "WebApp")
    }

    /// `WebApp` itself, or one of its parts such as `MainButton`, when inside Telegram.
    fn inside_part(path: &[&str]) -> Option<JsValue> {
        inside().then_some(())?;
        path.iter()
            .try_fold(web_app()?, |target, key| get(&target, key))
    }

    /// The signed initData when the page runs inside Telegram.
    pub fn init_data() -> Option<String> {
        INIT_DATA.with(|cell| {
            cell.get_or_init(|| {
                web_app()
                    .and_then(|app| get(&app, "initData"))
                    .and_then(|value| value.as_string())
                    .filter(|data| !data.is_empty())
            })
            .clone()
        })
    }

    pub fn inside() -> bool {
        init_data().is_some()
    }

    /// Tells Telegram the app is ready, takes the full height, and follows its theme.
    pub fn start() {
        let Some(app) = inside_part(&[]) else { return };
        apply_theme();
        let on_theme = Closure::<dyn Fn()>::new(apply_theme).into_js_value();
        call(&app, "onEvent", &["themeChanged".into(), on_theme]);
        call(&app, "ready", &[]);
        call(&app, "expand", &[]);
        // Dragging a task downwards must not close the app.
        call(&app, "disableVerticalSwipes", &[]);
    }

    /// Copies `themeParams` into `--tg-theme-*` variables and `colorScheme` into
    /// `data-color-scheme` on `<html>`; the style sheet picks its colours from them.
    fn apply_theme() {
        let (Some(app), Some(root)) = (
            web_app(),
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.document_element()),
        ) else {
            return;
        };
        if let Some(params) = get(&app, "themeParams").and_then(|p| p.dyn_into::<Object>().ok()) {
            let style = root.unchecked_ref::<web_sys::HtmlElement>().style();
            for entry in Object::entries(&params).iter() {
                let entry: Array = entry.unchecked_into();
                if let (Some(key), Some(value)) =
                    (entry.get(0).as_string(), entry.get(1).as_string())
                {
                    let name = format!("--tg-theme-{}", key.replace('_', "-"));
                    let _ = style.set_property(&name, &value);
                }
            }
        }
        if let Some(scheme) = get(&app, "colorScheme").and_then(|s| s.as_string()) {
            let _ = root.set_attribute("data-color-scheme", &scheme);
        }
    }

    /// Paints Telegram's header and the area around the app: a `#rrggbb` colour, or `bg_color`
    /// for the theme's own.
    pub fn frame_color(color: &str) {
        let Some(app) = inside_part(&[]) else { return };
        call(&app, "setHeaderColor", &[color.into()]);
        call(&app, "setBackgroundColor", &[color.into()]);
    }

    /// The `startapp` parameter the app was opened with.
    pub fn start_param() -> Option<String> {
        inside_part(&["initDataUnsafe", "start_param"]).and_then(|value| value.as_string())
    }

    pub fn haptic(kind: Haptic) {
        let Some(feedback) = inside_part(&["HapticFeedback"]) else {
            return;
        };
        let _ = match kind {
            Haptic::Success => call(&feedback, "notificationOccurred", &["success".into()]),
            Haptic::Warning => call(&feedback, "notificationOccurred", &["warning".into()]),
            Haptic::Tap => call(&feedback, "impactOccurred", &["light".into()]),
        };
    }

    /// A message in Telegram's own popup; outside Telegram the page shows it inline.
    pub fn alert(message: &str) {
        if let Some(app) = inside_part(&[]) {
            call(&app, "showAlert", &[message.into()]);
        }
    }

    /// Telegram's confirmation popup, or the browser's.
    pub async fn confirm(message: &str) -> bool {
        let Some(app) = inside_part(&[]) else {
            return web_sys::window()
                .and_then(|w| w.confirm_with_message(message).ok())
                .unwrap_or(false);
        };
        let (answer, answered) = futures::channel::oneshot::channel::<bool>();
        let answer = RefCell::new(Some(answer));
        let callback = Closure::<dyn Fn(JsValue)>::new(move |ok: JsValue| {
            if let Some(answer) = answer.borrow_mut().take() {
                let _ = answer.send(ok.as_bool().unwrap_or(false));
            }
        })
        .into_js_value();
        if call(&app, "showConfirm", &[message.into(), callback]).is_none() {
            return false;
        }
        answered.await.unwrap_or(false)
    }

    fn slot(button: TelegramButton) -> (usize, &'static str) {
        match button {
            TelegramButton::Main => (0, "MainButton"),
            TelegramButton::Back => (1, "BackButton"),
        }
    }

    /// Shows the button with `on_click` as its only handler; the id lets the screen that showed
    /// it hide it again without hiding a later screen's button.
    pub fn show_button(button: TelegramButton, text: &str, on_click: impl Fn() + 'static) -> u32 {
        let (index, name) = slot(button);
        let Some(target) = inside_part(&[name]) else {
            return 0;
        };
        let id = NEXT_ID.with(|next| next.replace(next.get() + 1));
        let handler = Closure::<dyn Fn()>::new(on_click).into_js_value();
        HANDLERS.with(|handlers| {
            if let Some((_, old)) = handlers.borrow_mut()[index].replace((id, handler.clone())) {
                call(&target, "offClick", &[old]);
            }
        });
        if button == TelegramButton::Main {
            call(&target, "setText", &[text.into()]);
            call(&target, "enable", &[]);
        }
        call(&target, "onClick", &[handler]);
        call(&target, "show", &[]);
        id
    }

    pub fn hide_button(button: TelegramButton, id: u32) {
        let (index, name) = slot(button);
        let Some(target) = inside_part(&[name]) else {
            return;
        };
        let removed = HANDLERS.with(|handlers| {
            let mut handlers = handlers.borrow_mut();
            match &handlers[index] {
                Some((current, _)) if *current == id => handlers[index].take(),
                _ => None,
            }
        });
        if let Some((_, handler)) = removed {
            call(&target, "offClick", &[handler]);
            call(&target, "hide", &[]);
        }
    }

    /// The IANA time zone the browser runs in.
    pub fn browser_time_zone() -> Option<String> {
        let format = js_sys::Intl::DateTimeFormat::new(&Array::new(), &Object::new());
        get(&format.resolved_options(), "timeZone").and_then(|zone| zone.as_string())
    }
}
