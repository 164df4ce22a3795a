//! The site's own files under `/pkg` (the WASM, its JS, the CSS, the `--split` chunks and their
//! loader): where their hashed names come from, and how long a browser may keep each.
//!
//! cargo-leptos (`hash-files = true` in Cargo.toml) renames every file of `pkg/` to
//! `<name>.<hash>.<ext>`, the hash being the MD5 of the file in URL-safe base64 without padding
//! (22 characters: `vectora.2k7X9XjQxvlmVxQAMHKghw.css`), and writes the main files' hashes to
//! `hash.txt` beside the server binary, where Leptos reads them to name the files in pages.
//!
//! Not every hashed name is a hash of what the file finally holds. cargo-leptos 0.3.10 hashes the
//! files first and then writes the split loader's new name (`__wasm_split.<hash>.js`) into the
//! main JS and the main WASM, without renaming them again. The loader gets a new name whenever a
//! lazy chunk changes, and even when the same sources are built again (wasm-split 0.2.3 lists
//! the shared symbols in it in no fixed order), so every release serves different main JS and
//! WASM under names that may be the ones before. Cached as immutable, an old main JS would import
//! a loader the server no longer has, and the page would not hydrate. So only the names whose
//! hash is of the final content are cached for a year:
//!
//! - the stylesheet (`vectora.<hash>.css`), never rewritten;
//! - the split loader (`__wasm_split.<hash>.js`), hashed again after it is rewritten;
//! - the chunks (`chunk_<n>.<hash>.wasm`, `split_<name>.<hash>.wasm`), never rewritten.
//!
//! Everything else (the main `vectora.<hash>.js` and `.wasm`, the split manifest, unhashed names)
//! is revalidated on every use (`no-cache`). `nginx/nginx.prod.conf` has the same rule, and
//! `scripts/check_nginx.sh` checks both against a release build, including that every name cached
//! as immutable is the MD5 of its file.

use std::path::{Path, PathBuf};

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderValue, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::Response;
use leptos::config::LeptosOptions;
use tower_http::services::ServeDir;

/// For names whose hash is of the file's final content.
pub const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For every other file, and for errors: the browser asks again (a 304 when nothing changed).
pub const REVALIDATE: &str = "no-cache";

/// The length of cargo-leptos' hashes: 16 bytes of MD5 in base64 without padding.
const HASH_LEN: usize = 22;

/// Whether a file of `pkg/` (its name, without directories) may be cached for a year.
pub fn is_immutable(file_name: &str) -> bool {
    let Some((rest, extension)) = file_name.rsplit_once('.') else {
        return false;
    };
    let Some((stem, hash)) = rest.rsplit_once('.') else {
        return false;
    };
    if !is_hash(hash) {
        return false;
    }
    match extension {
        "css" => !stem.is_empty() && stem.chars().all(is_base64url),
        "js" => stem == "__wasm_split",
        "wasm" => is_chunk(stem),
        _ => false,
    }
}

/// 22 characters of URL-safe base64; not the loader's placeholder of 22 underscores, the name
/// cargo-leptos gives it when it hashes nothing.
fn is_hash(text: &str) -> bool {
    text.len() == HASH_LEN && text.chars().all(is_base64url) && !text.chars().all(|c| c == '_')
}

fn is_base64url(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_' || c == '-'
}

/// The names wasm-split gives the lazy chunks: `chunk_7`, `split_welcome_7809933430481936341`.
fn is_chunk(stem: &str) -> bool {
    let numbered = stem
        .strip_prefix("chunk_")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
    let named = stem
        .strip_prefix("split_")
        .is_some_and(|n| !n.is_empty() && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    numbered || named
}

/// Serves `dir` (the site's `pkg/`), with the precompressed copies cargo-leptos leaves beside
/// each file (`--precompress`), and the `Cache-Control` above (and `Vary: Accept-Encoding`) on
/// every answer.
pub fn pkg_files(dir: impl AsRef<Path>) -> Router {
    Router::new()
        .fallback_service(
            ServeDir::new(dir.as_ref())
                .precompressed_br()
                .precompressed_gzip(),
        )
        .layer(middleware::from_fn(cache_control))
}

async fn cache_control(request: Request, next: Next) -> Response {
    let immutable = request
        .uri()
        .path()
        .rsplit('/')
        .next()
        .is_some_and(is_immutable);
    let mut response = next.run(request).await;
    let status = response.status();
    let kept = status.is_success() || status == StatusCode::NOT_MODIFIED;
    let value = if immutable && kept {
        IMMUTABLE
    } else {
        REVALIDATE
    };
    let headers = response.headers_mut();
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    // The same name is served brotli, gzip or plain: a shared cache must keep them apart.
    headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    response
}

/// Where Leptos looks for cargo-leptos' `hash.txt`: beside the running binary.
pub fn hash_file(options: &LeptosOptions) -> Option<PathBuf> {
    let exe = std::env::current_exe().ok()?;
    Some(exe.parent()?.join(&*options.hash_file))
}

/// The stylesheet's address, hashed when the site is (`<HashedStylesheet>` does the same for pages).
pub fn stylesheet_href(options: &LeptosOptions) -> String {
    let hashes = if options.hash_files {
        hash_file(options).and_then(|path| std::fs::read_to_string(path).ok())
    } else {
        None
    };
    let css = hashes.as_deref().and_then(|text| hash_of(text, "css"));
    match css {
        Some(hash) => format!(
            "/{}/{}.{hash}.css",
            options.site_pkg_dir, options.output_name
        ),
        None => format!("/{}/{}.css", options.site_pkg_dir, options.output_name),
    }
}

/// The hash `hash.txt` gives for `kind` (`js`, `wasm`, `css`, `manifest`, `split`).
fn hash_of<'a>(hash_txt: &'a str, kind: &str) -> Option<&'a str> {
    hash_txt.lines().find_map(|line| {
        let (name, hash) = line.trim().split_once(':')?;
        (name.trim() == kind).then_some(hash.trim())
    })
}

#[cfg(test)]
mod tests {
    use axum::body::Body;
    use tower::ServiceExt;

    use super::*;

    /// Names from a release build (`cargo leptos build --release --split --precompress`).
    #[test]
    fn only_names_hashed_over_their_final_content_are_immutable() {
        for name in [
            "vectora.2k7X9XjQxvlmVxQAMHKghw.css",
            "__wasm_split.Qw22bp7Z_VudpflWgRKYpA.js",
            "chunk_7.UcG47N7dTgGgEzgU6QrKLg.wasm",
            "chunk_21.gpBAy9yjme-5NgStdRCKVQ.wasm",
            "split_welcome_7809933430481936341.imlTku9SM0qSwbvaMaHi6w.wasm",
            "split___edit_task_route_view_7395850717091952213.-lQrf2Nt-YnKGGF2DzURCQ.wasm",
        ] {
            assert!(is_immutable(name), "{name}");
        }
        for name in [
            // Hashed before the loader's name was written into them.
            "vectora._04AgSbeGlxR2QfDtwBrHQ.js",
            "vectora.1xojgyoQQB9g2rNb3B_Mlg.wasm",
            "__wasm_split_manifest.5aZzVi0wCXsEcwtXmRsmrQ.json",
            // Without hash-files.
            "vectora.css",
            "vectora.js",
            "vectora.wasm",
            "chunk_7.wasm",
            "__wasm_split.______________________.js",
            // Not cargo-leptos' hashes, or not where it puts them.
            "vectora.0123456789abcdef.js",
            "vectora.0123456789abcdef.css",
            "chunk_7.UcG47N7dTgGgEzgU6QrKLg.js",
            "other.Qw22bp7Z_VudpflWgRKYpA.js",
            "chunk_x.UcG47N7dTgGgEzgU6QrKLg.wasm",
            "vectora.d.MwbSQjiGA56uJSQL9j10FQ.ts",
            ".2k7X9XjQxvlmVxQAMHKghw.css",
            "vectora.2k7X9XjQxvlmVxQAMHKghw.css.br",
            "inline0.js",
            "",
        ] {
            assert!(!is_immutable(name), "{name}");
        }
    }

    #[test]
    fn hash_txt_is_read_line_by_line() {
        let text = "js: _04AgSbeGlxR2QfDtwBrHQ\nwasm: 1xojgyoQQB9g2rNb3B_Mlg\n\
                    css: 2k7X9XjQxvlmVxQAMHKghw\nmanifest: 5aZzVi0wCXsEcwtXmRsmrQ\n\
                    split: Qw22bp7Z_VudpflWgRKYpA\n";
        assert_eq!(hash_of(text, "css"), Some("2k7X9XjQxvlmVxQAMHKghw"));
        assert_eq!(hash_of(text, "split"), Some("Qw22bp7Z_VudpflWgRKYpA"));
        assert_eq!(hash_of(text, "html"), None);
    }

    #[test]
    fn without_hashed_files_the_stylesheet_keeps_its_name() {
        let options = LeptosOptions::builder().output_name("vectora").build();
        assert_eq!(stylesheet_href(&options), "/pkg/vectora.css");
    }

    async fn get(app: &Router, path: &str, headers: &[(&str, &str)]) -> Response<Body> {
        let mut request = axum::http::Request::builder().uri(path);
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        app.clone()
            .oneshot(request.body(Body::empty()).unwrap())
            .await
            .unwrap()
    }

    #[tokio::test]
    async fn the_pkg_service_sets_cache_control_by_name() {
        let site = tempfile::tempdir().unwrap();
        let pkg = site.path().join("pkg");
        std::fs::create_dir(&pkg).unwrap();
        let chunk = "chunk_7.UcG47N7dTgGgEzgU6QrKLg.wasm";
        let main = "vectora.1xojgyoQQB9g2rNb3B_Mlg.wasm";
        std::fs::write(pkg.join(chunk), b"\0asm chunk").unwrap();
        std::fs::write(pkg.join(format!("{chunk}.br")), b"brotli chunk").unwrap();
        std::fs::write(pkg.join(main), b"\0asm main").unwrap();
        let app = Router::new().nest_service("/pkg", pkg_files(&pkg));

        let cached = get(&app, &format!("/pkg/{chunk}"), &[]).await;
        assert_eq!(cached.status(), StatusCode::OK);
        assert_eq!(cached.headers()[header::CACHE_CONTROL], IMMUTABLE);
        assert_eq!(cached.headers()[header::CONTENT_TYPE], "application/wasm");

        let compressed = get(
            &app,
            &format!("/pkg/{chunk}"),
            &[("accept-encoding", "br, gzip")],
        )
        .await;
        assert_eq!(compressed.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(compressed.headers()[header::CACHE_CONTROL], IMMUTABLE);
        assert_eq!(compressed.headers()[header::VARY], "accept-encoding");

        let last_modified = cached.headers()[header::LAST_MODIFIED].to_str().unwrap();
        let again = get(
            &app,
            &format!("/pkg/{chunk}"),
            &[("if-modified-since", last_modified)],
        )
        .await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
        assert_eq!(again.headers()[header::CACHE_CONTROL], IMMUTABLE);

        let revalidated = get(&app, &format!("/pkg/{main}"), &[]).await;
        assert_eq!(revalidated.status(), StatusCode::OK);
        assert_eq!(revalidated.headers()[header::CACHE_CONTROL], REVALIDATE);

        let missing = get(&app, "/pkg/chunk_8.aP7dFRRxn2REsgCJXjJKtQ.wasm", &[]).await;
        assert_eq!(missing.status(), StatusCode::NOT_FOUND);
        assert_eq!(missing.headers()[header::CACHE_CONTROL], REVALIDATE);
    }
}
