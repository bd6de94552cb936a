//! `congbo serve`: builds the site into memory, serves it over HTTP, watches the site
//! folder and rebuilds what a change touches, and tells open pages to reload (or shows
//! the errors over the last good page). Nothing is written to `public/`.
//!
//! Threads: the main thread waits for change batches from the watcher and applies them
//! with the [`engine::Engine`]; the HTTP server (hyper and axum on a small tokio runtime,
//! see [`http`]) runs on its own thread. They share one [`state::Shared`] value.

mod affected;
pub mod classify;
pub mod editor_auth;
pub mod editor_routes;
pub mod engine;
mod fast;
mod generated;
pub mod http;
pub mod inject;
mod partial;
pub mod paths;
pub mod preview;
mod rebuild;
pub mod sources;
pub mod state;
pub mod templates;
pub mod watch;

use std::net::{IpAddr, SocketAddr, TcpListener};
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Instant;

use crate::build::{BuildOptions, load_config};
use crate::config::Overrides;
use crate::error::{Diagnostic, Diagnostics};
use classify::{Layout, Rebuild, classify};
use engine::{Engine, Outcome};
use state::{Message, Shared};

/// What `congbo serve` was asked to do.
#[derive(Clone, Debug)]
pub struct ServeOptions {
    /// The site folder (with `site.toml`).
    pub root: PathBuf,
    /// The port; 0 picks a free one.
    pub port: u16,
    /// The address to listen on (loopback unless told otherwise).
    pub bind: IpAddr,
    /// Include drafts.
    pub drafts: bool,
    /// Open the site in the browser.
    pub open: bool,
    /// Serve the browser editor at `/_soan-thao/` too.
    pub edit: bool,
    /// The largest file the editor takes, in MB, when the command line says (it wins
    /// over `[editor] upload_limit` of site.toml).
    pub upload_limit_mb: Option<usize>,
}

/// Runs the server until the process is stopped; returns the exit status if it cannot start.
pub fn run(opts: &ServeOptions) -> i32 {
    let root = match opts.root.canonicalize() {
        Ok(r) => r,
        Err(e) => {
            let root = opts.root.display();
            eprintln!(
                "{}",
                crate::tr!(
                    en: "{root}: error: could not open the site folder ({e})",
                    vi: "{root}: lỗi: không mở được thư mục của trang ({e})",
                )
            );
            return 1;
        }
    };
    // A folder without site.toml is no site: stop as `build` does, instead of serving
    // nothing but 404s. A site.toml with mistakes is served, its errors over the page.
    if let Err(e) = std::fs::metadata(root.join("site.toml")) {
        eprintln!("{}", crate::build::no_site(&opts.root, &e));
        return 1;
    }
    // With accounts, every editor page needs a login; without, only this computer may
    // reach the editor.
    let login = match opts
        .edit
        .then(|| crate::editor::accounts::Users::load(&root))
    {
        Some(Ok(users)) => !users.is_empty(),
        Some(Err(d)) => {
            eprintln!("{d}");
            return 1;
        }
        None => false,
    };
    if opts.edit && !login && !opts.bind.is_loopback() {
        let bind = opts.bind;
        eprintln!(
            "{}",
            crate::tr!(
                en: "error: --edit with --bind {bind} would let anyone on the network change the site, and the site has no accounts yet; add one with `congbo user add NAME --role publisher`, or leave out --bind (127.0.0.1) to edit on this computer",
                vi: "lỗi: --edit với --bind {bind} sẽ cho mọi người trong mạng sửa trang web, mà trang chưa có tài khoản nào; hãy tạo tài khoản bằng `congbo user add TÊN --role publisher`, hoặc bỏ --bind (dùng 127.0.0.1) để soạn thảo trên máy này",
            )
        );
        return 1;
    }
    let listener = match TcpListener::bind(SocketAddr::new(opts.bind, opts.port)) {
        Ok(l) => l,
        Err(e) => {
            let (bind, port) = (opts.bind, opts.port);
            eprintln!(
                "{}",
                crate::tr!(
                    en: "error: could not listen on {bind}:{port} ({e}); is another congbo serve running? Pass --port with another number",
                    vi: "lỗi: không lắng nghe được ở {bind}:{port} ({e}); có một congbo serve khác đang chạy chăng? Hãy thêm --port với một số khác",
                )
            );
            return 1;
        }
    };
    let port = listener.local_addr().map_or(opts.port, |a| a.port());
    let host = if opts.bind.is_unspecified() {
        "127.0.0.1".to_string()
    } else {
        match opts.bind {
            IpAddr::V6(a) => format!("[{a}]"),
            IpAddr::V4(a) => a.to_string(),
        }
    };
    // The site keeps its base path, so a subfolder deployment is tried as it will be.
    let config = load_config(&root, &Overrides::default()).ok();
    let base_path = config
        .as_ref()
        .map_or_else(|| "/".to_string(), |c| c.base_path.clone());
    let upload_mb = config
        .as_ref()
        .map(|c| c.editor.clone())
        .unwrap_or_default()
        .upload_limit_mb(opts.upload_limit_mb);
    let url = format!("http://{host}:{port}{base_path}");
    let build = BuildOptions {
        root: root.clone(),
        output_dir: None,
        base_url: Some(url.clone()),
        drafts: opts.drafts,
        ..BuildOptions::default()
    };
    let batches = match watch::spawn(&root, watch::Debounce::default()) {
        Ok(rx) => rx,
        Err(e) => {
            eprintln!(
                "{}",
                crate::tr!(
                    en: "error: could not watch {} for changes ({e})",
                    vi: "lỗi: không theo dõi được thay đổi trong {} ({e})",
                    root.display()
                )
            );
            return 1;
        }
    };
    // Shared with the editor's previews, which render one page with its model.
    let shared_engine = preview::SharedEngine(Arc::new(Mutex::new(Engine::new(build.clone()))));
    let mut engine = shared_engine
        .0
        .lock()
        .unwrap_or_else(PoisonError::into_inner);
    let started = Instant::now();
    let first = guarded(&mut engine, &build, &Rebuild::Full);
    let errors = match &first {
        Ok(_) => {
            let (n, secs) = (engine.files().len(), started.elapsed().as_secs_f64());
            println!(
                "{}",
                crate::tr!(en: "Built {n} files in {secs:.2} s", vi: "Đã dựng {n} tệp trong {secs:.2} giây")
            );
            Vec::new()
        }
        Err(e) => {
            report_errors(e);
            e.0.clone()
        }
    };
    let shared = Arc::new(Shared::new(&base_path, engine.files().clone(), errors));
    drop(engine);
    let editor = opts.edit.then(|| {
        let site: Arc<dyn crate::editor::preview::SiteModel> = Arc::new(shared_engine.clone());
        let limit = upload_mb.saturating_mul(1024 * 1024);
        let editor = Arc::new(
            crate::editor::Editor::new(&root, &base_path)
                .with_site(site)
                .with_max_upload(limit),
        );
        Arc::new(editor_auth::Auth::new(editor, root.clone(), login))
    });
    {
        let shared = Arc::clone(&shared);
        let editor = editor.clone();
        let spawned = std::thread::Builder::new()
            .name("congbo-listen".into())
            .spawn(move || {
                let site = http::site_router(shared);
                let app = match editor {
                    Some(editor) => editor_routes::router(editor).merge(site),
                    None => site,
                };
                if let Err(e) = http::serve(listener, app) {
                    eprintln!(
                        "{}",
                        crate::tr!(
                            en: "error: the server stopped ({e})",
                            vi: "lỗi: máy chủ xem thử đã dừng ({e})",
                        )
                    );
                }
            });
        if let Err(e) = spawned {
            eprintln!(
                "{}",
                crate::tr!(
                    en: "error: could not start the server ({e})",
                    vi: "lỗi: không khởi động được máy chủ xem thử ({e})",
                )
            );
            return 1;
        }
    }
    println!(
        "{}",
        crate::tr!(
            en: "Serving {url} (from memory; public/ is not touched). Press Ctrl+C to stop.",
            vi: "Đang phục vụ {url} (từ bộ nhớ; thư mục public/ không bị động đến). Bấm Ctrl+C để dừng.",
        )
    );
    if opts.edit {
        let edit = format!("http://{host}:{port}{}", crate::editor::PREFIX);
        if login {
            println!(
                "{}",
                crate::tr!(
                    en: "Editor: {edit} (log in with an account of `congbo user`)",
                    vi: "Trình soạn thảo: {edit} (đăng nhập bằng tài khoản tạo bởi `congbo user`)",
                )
            );
        } else {
            println!(
                "{}",
                crate::tr!(
                    en: "Editor: {edit} (only this computer can open it)",
                    vi: "Trình soạn thảo: {edit} (chỉ máy này mở được)",
                )
            );
        }
    }
    if opts.open {
        open_browser(&url);
    }
    while let Ok(mut batch) = batches.recv() {
        while let Ok(more) = batches.try_recv() {
            batch.extend(more);
        }
        let mut engine = shared_engine
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let layout = Layout {
            root: root.clone(),
            theme: engine.theme_name().unwrap_or("cong-thong-tin").to_string(),
        };
        let plan = classify(&layout, &batch);
        if plan == Rebuild::Nothing {
            continue;
        }
        let was_broken = !shared.errors().is_empty();
        match guarded(&mut engine, &build, &plan) {
            Ok(o) => {
                print_outcome(&plan, &o);
                publish(&shared, &engine, &o, was_broken);
            }
            Err(e) => {
                report_errors(&e);
                shared.update(None, e.0.clone());
                shared.publish(Message::Errors(e.0));
            }
        }
    }
    shared.stop();
    0
}

/// Applies a plan; a panic inside the pipeline becomes an error and a fresh engine, so
/// the server goes on.
fn guarded(
    engine: &mut Engine,
    build: &BuildOptions,
    plan: &Rebuild,
) -> Result<Outcome, Diagnostics> {
    match catch_unwind(AssertUnwindSafe(|| engine.apply(plan))) {
        Ok(r) => r,
        Err(_) => {
            let files = engine.files().clone();
            *engine = Engine::new(build.clone());
            engine.keep_files(files);
            Err(Diagnostic::file(
                "site.toml",
                crate::tr!(
                    en: "congbo stopped in the middle of this rebuild (an internal error); save any file to try again, and please report it",
                    vi: "congbo dừng giữa chừng khi dựng lại (lỗi bên trong chương trình); hãy lưu lại một tệp bất kỳ để thử lại, và xin báo lỗi này cho người phát triển",
                ),
            )
            .into())
        }
    }
}

/// Hands the new files to the server and tells the pages what changed.
fn publish(shared: &Shared, engine: &Engine, o: &Outcome, was_broken: bool) {
    shared.patch(engine.files(), &o.changed);
    if was_broken {
        shared.publish(Message::Ok);
    }
    if o.changed.is_empty() {
        return;
    }
    let base = shared.base_path.trim_end_matches('/');
    let paths: Vec<String> = o.changed.iter().map(|p| format!("{base}{p}")).collect();
    if paths.iter().all(|p| p.ends_with(".css")) {
        shared.publish(Message::Css(paths));
    } else {
        let all = paths.len() > 500;
        shared.publish(Message::Reload {
            paths: if all { Vec::new() } else { paths },
            all,
        });
    }
}

fn print_outcome(plan: &Rebuild, o: &Outcome) {
    let what = match plan {
        Rebuild::Pages(s) | Rebuild::Assets(s) | Rebuild::Templates(s) | Rebuild::Static(s) => {
            let mut names: Vec<String> =
                s.iter().take(3).map(|p| p.display().to_string()).collect();
            if s.len() > 3 {
                let more = s.len() - 3;
                names.push(crate::tr!(en: "and {more} more", vi: "và {more} tệp khác"));
            }
            names.join(", ")
        }
        Rebuild::Full => "site.toml".to_string(),
        Rebuild::Nothing => return,
    };
    let (how, rendered, changed, ms) = (
        how_text(o.how),
        o.rendered,
        o.changed.len(),
        o.seconds * 1000.0,
    );
    println!(
        "{}",
        crate::tr!(
            en: "Changed {what}: {how} ({rendered} pages made again, {changed} files of the site updated) in {ms:.0} ms",
            vi: "Đã sửa {what}: {how} (dựng lại {rendered} trang, cập nhật {changed} tệp của trang web) trong {ms:.0} ms",
        )
    );
}

/// How a rebuild went (the engine's names, which tests compare), in the messages' language.
fn how_text(how: &str) -> String {
    if crate::lang::current() == crate::lang::Lang::En {
        return how.to_string();
    }
    match how {
        "nothing to do" => "không có gì phải làm",
        "no change" => "không có thay đổi",
        "full rebuild" => "dựng lại toàn bộ",
        "full rebuild (every language)" => "dựng lại toàn bộ (mọi ngôn ngữ)",
        "content rebuild" => "dựng lại nội dung",
        "content rebuild (affected pages)" => "dựng lại nội dung (các trang bị ảnh hưởng)",
        "templates" => "mẫu giao diện",
        "static files" => "tệp tĩnh",
        "bundle files" => "tệp đi kèm trang",
        "page bodies" => "nội dung trang",
        other => other,
    }
    .to_string()
}

fn report_errors(e: &Diagnostics) {
    for d in &e.0 {
        eprintln!("{d}");
    }
    let n = e.0.len();
    let s = if n == 1 { "" } else { "s" };
    eprintln!(
        "{}",
        crate::tr!(
            en: "{n} error{s} found; still serving the last good site. Fix and save, and it rebuilds.",
            vi: "{n} lỗi; vẫn đang phục vụ bản tốt gần nhất. Sửa và lưu lại, trang sẽ tự dựng lại.",
        )
    );
}

fn open_browser(url: &str) {
    let cmd: &[&str] = if cfg!(target_os = "windows") {
        &["cmd", "/C", "start", ""]
    } else if cfg!(target_os = "macos") {
        &["open"]
    } else {
        &["xdg-open"]
    };
    let mut c = std::process::Command::new(cmd[0]);
    c.args(&cmd[1..]).arg(url);
    c.stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if c.spawn().is_err() {
        println!(
            "{}",
            crate::tr!(
                en: "Open {url} in your browser.",
                vi: "Hãy mở {url} trong trình duyệt.",
            )
        );
    }
}
