//! Pure request handling for the dev server: URL → in-memory file, the
//! live-reload script, and the error overlay injected into served pages.

use super::State;
use crate::diagnostics::Diagnostics;
use crate::text::escape_text;

/// Where the live-reload script long-polls for a new version.
pub const WAIT_PATH: &str = "/__casebook/wait";
const SCRIPT_PATH: &str = "/__casebook/reload.js";
const STYLE_PATH: &str = "/__casebook/overlay.css";

/// Polls for a new build and reloads; no inline script, so the site's CSP holds.
const RELOAD_JS: &str = r#"(function () {
  var v = Number(document.documentElement.getAttribute("data-casebook-version") || 0);
  function poll() {
    fetch("/__casebook/wait?v=" + v, { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (d) { if (d.version > v) { location.reload(); } else { poll(); } })
      .catch(function () { setTimeout(poll, 1000); });
  }
  poll();
})();
"#;

const OVERLAY_CSS: &str = "#casebook-overlay{position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;z-index:2147483647;\
background:#1b0d0d;color:#ffe9e9;border-top:4px solid #ff5c5c;font:14px/1.45 ui-monospace,Menlo,Consolas,monospace;padding:1rem 1.25rem}\
#casebook-overlay h2{margin:0 0 .5rem;font:700 16px system-ui,sans-serif;color:#fff}#casebook-overlay pre{white-space:pre-wrap;margin:0 0 1rem}";

pub struct Response {
    pub status: u16,
    pub content_type: &'static str,
    pub body: Vec<u8>,
}

impl Response {
    pub fn text(status: u16, content_type: &'static str, body: impl Into<Vec<u8>>) -> Self {
        Response {
            status,
            content_type,
            body: body.into(),
        }
    }
}

fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "xml" => "application/xml",
        "svg" => "image/svg+xml",
        "txt" => "text/plain; charset=utf-8",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

/// The output path a request path names, or `None` for a path that tries to
/// leave the site (`..`, encoded or not, backslashes, NUL).
pub fn output_path(url: &str) -> Option<String> {
    let path = url.split(['?', '#']).next().unwrap_or("");
    let decoded = percent_decode(path)?;
    if decoded.contains('\\') || decoded.contains('\0') {
        return None;
    }
    let mut parts = Vec::new();
    for seg in decoded.split('/') {
        match seg {
            "" | "." => {}
            ".." => return None,
            s => parts.push(s),
        }
    }
    let joined = parts.join("/");
    Some(if joined.is_empty() || decoded.ends_with('/') {
        if joined.is_empty() {
            "index.html".into()
        } else {
            format!("{joined}/index.html")
        }
    } else {
        joined
    })
}

/// Decodes %XX escapes (repeatedly decoded input is not decoded again, so
/// `%252e` stays a literal `%2e` and cannot become `.`).
fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// Answers a request from the current state.
pub fn resolve(url: &str, state: &State) -> Response {
    let path = url.split(['?', '#']).next().unwrap_or("");
    if path == SCRIPT_PATH {
        return Response::text(200, "text/javascript; charset=utf-8", RELOAD_JS);
    }
    if path == STYLE_PATH {
        return Response::text(200, "text/css; charset=utf-8", OVERLAY_CSS);
    }
    let Some(out) = output_path(url) else {
        return Response::text(403, "text/plain; charset=utf-8", "outside the site");
    };
    let (status, out, body) = match state.files.get(&out) {
        Some(b) => (200, out, b.clone()),
        // `/guides/x` without its slash: serve the page as a static host would redirect.
        None => match state.files.get(&format!("{out}/index.html")) {
            Some(b) => (200, format!("{out}/index.html"), b.clone()),
            None => match state.files.get("404.html") {
                Some(b) => (404, "404.html".to_owned(), b.clone()),
                None => (
                    404,
                    "404.html".to_owned(),
                    std::sync::Arc::new(
                        b"<!doctype html><title>Not found</title><h1>Not found</h1>".to_vec(),
                    ),
                ),
            },
        },
    };
    let ct = content_type(&out);
    let body = if ct.starts_with("text/html") {
        inject(
            &String::from_utf8_lossy(&body),
            state.version,
            state.error.as_deref(),
        )
        .into_bytes()
    } else {
        body.to_vec()
    };
    Response {
        status,
        content_type: ct,
        body,
    }
}

/// Adds the live-reload script (and the error overlay, if the last build
/// failed) to a page. Only `serve` does this; built output never has it.
pub fn inject(html: &str, version: u64, error: Option<&str>) -> String {
    let mut head = format!("<script src=\"{SCRIPT_PATH}\" defer></script>");
    if error.is_some() {
        head.push_str(&format!("<link rel=\"stylesheet\" href=\"{STYLE_PATH}\">"));
    }
    let mut out = html.replacen(
        "<html",
        &format!("<html data-casebook-version=\"{version}\""),
        1,
    );
    out = match out.find("</head>") {
        Some(i) => format!("{}{head}{}", &out[..i], &out[i..]),
        None => format!("{head}{out}"),
    };
    if let Some(err) = error {
        out = match out.rfind("</body>") {
            Some(i) => format!("{}{err}{}", &out[..i], &out[i..]),
            None => format!("{out}{err}"),
        };
    }
    out
}

/// The overlay listing every problem of a failed build, escaped.
pub fn overlay_html(problems: &Diagnostics) -> String {
    let mut body = String::from(
        "<div id=\"casebook-overlay\" role=\"alert\"><h2>The site could not be rebuilt</h2>",
    );
    for d in problems.iter() {
        body.push_str("<pre>");
        body.push_str(&escape_text(&d.render(false)));
        body.push_str("</pre>");
    }
    body.push_str("<p>Fix the file and save: this page reloads by itself.</p></div>");
    body
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diagnostics::{Diagnostic, Pos};

    fn state() -> State {
        let mut s = State::default();
        s.files.insert(
            "index.html".into(),
            std::sync::Arc::new(b"<html><head></head><body>home</body></html>".to_vec()),
        );
        s.files.insert(
            "guides/a/index.html".into(),
            std::sync::Arc::new(b"<html><head></head><body>a</body></html>".to_vec()),
        );
        s.files.insert(
            "404.html".into(),
            std::sync::Arc::new(b"<html><head></head><body>missing</body></html>".to_vec()),
        );
        s.files.insert(
            "assets/x.css".into(),
            std::sync::Arc::new(b"body{}".to_vec()),
        );
        s
    }

    #[test]
    fn paths_map_to_pages_and_traversal_is_refused() {
        assert_eq!(output_path("/").as_deref(), Some("index.html"));
        assert_eq!(
            output_path("/guides/a/?q=1").as_deref(),
            Some("guides/a/index.html")
        );
        assert_eq!(
            output_path("/assets/x.css").as_deref(),
            Some("assets/x.css")
        );
        for bad in [
            "/../etc/passwd",
            "/%2e%2e/etc/passwd",
            "/a/%2E%2E/%2E%2E/x",
            "/..%2fetc",
            "/a\\..\\b",
            "/%5c..%5cx",
            "/%00",
            "/%zz",
            // Mixed, doubled slashes and overlong UTF-8 (invalid, so refused).
            "/.%2e/x",
            "/%2e./x",
            "//..//x",
            "/%2e%2e%2fetc",
            "/a/..%5c..%5cx",
            "/%c0%ae%c0%ae/x",
            "/%e0%80%ae%e0%80%ae/x",
            "/%c0%af../x",
        ] {
            assert_eq!(output_path(bad), None, "{bad}");
        }
        assert_eq!(output_path("/%252e%252e/x").as_deref(), Some("%2e%2e/x"));
    }

    #[test]
    fn resolve_serves_pages_404_and_injects_reload() {
        let s = state();
        let r = resolve("/guides/a/", &s);
        assert_eq!(r.status, 200);
        let body = String::from_utf8(r.body).unwrap();
        assert!(
            body.contains("<script src=\"/__casebook/reload.js\" defer></script></head>"),
            "{body}"
        );
        assert_eq!(resolve("/guides/a", &s).status, 200);
        let r = resolve("/nope/", &s);
        assert_eq!(r.status, 404);
        assert!(String::from_utf8(r.body).unwrap().contains("missing"));
        assert_eq!(resolve("/assets/x.css", &s).body, b"body{}");
        assert_eq!(resolve("/%2e%2e/secret", &s).status, 403);
        assert!(
            resolve("/__casebook/reload.js", &s)
                .body
                .starts_with(b"(function")
        );
    }

    #[test]
    fn overlay_is_escaped_and_injected_only_on_error() {
        let problems: Diagnostics = Diagnostic::new(
            crate::diagnostics::Code::ParseSyntax,
            "content/data/cases.yaml",
            "bad <script>",
        )
        .at_in(Pos::new(3, 5), "a\nb\nc: <script>\n")
        .into();
        let overlay = overlay_html(&problems);
        assert!(overlay.contains("content/data/cases.yaml:3:5"));
        assert!(!overlay.contains("<script>"));
        let page = inject(
            "<html><head></head><body>x</body></html>",
            7,
            Some(&overlay),
        );
        assert!(page.contains("data-casebook-version=\"7\""));
        assert!(page.contains("casebook-overlay"));
        assert!(page.contains("/__casebook/overlay.css"));
        assert!(!inject("<html><head></head><body></body></html>", 1, None).contains("overlay"));
    }
}
