use super::*;

fn d(y: i32, m: u8, day: u8) -> Date {
    Date::new(y, m, day).unwrap()
}

fn task(name: &str, start: Option<Date>, end: Option<Date>, ongoing: bool) -> Task {
    Task {
        name: name.into(),
        lead: Some("Phòng VH-XH".into()),
        leads: vec!["Phòng VH-XH".into()],
        partners: vec![],
        quantity: None,
        due: None,
        start,
        end,
        ongoing,
        line: 0,
        status: None,
        result: None,
        report: None,
        report_url: None,
        // Judged as in a plan of 2026 built on 23/11/2026.
        standing: crate::site::tasks::standing(
            None,
            ongoing,
            end,
            Some((d(2026, 1, 1), d(2026, 12, 31))),
            d(2026, 11, 23),
        ),
    }
}

#[test]
fn timeline_spans_the_plan_by_quarter() {
    let tasks = vec![
        task("Quý III", Some(d(2026, 7, 1)), Some(d(2026, 9, 30)), false),
        task("Cả năm", Some(d(2026, 1, 1)), Some(d(2026, 12, 31)), true),
        task("Không rõ", None, None, false),
    ];
    let t = timeline(
        &tasks,
        Some((d(2026, 1, 1), d(2026, 12, 31))),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(
        t.quarters,
        vec!["Quý I/2026", "Quý II/2026", "Quý III/2026", "Quý IV/2026"]
    );
    assert_eq!(t.rows.len(), 2, "tasks without a period are not drawn");
    assert_eq!((t.rows[0].start, t.rows[0].span), (3, 1));
    assert!(t.rows[0].overdue, "ended before the build date");
    assert_eq!((t.rows[1].start, t.rows[1].span), (1, 4));
    assert!(!t.rows[1].overdue, "ongoing tasks are never overdue");
}

#[test]
fn timeline_widens_to_tasks_and_clips_long_plans() {
    let tasks = vec![task(
        "Sớm",
        Some(d(2025, 11, 1)),
        Some(d(2025, 11, 30)),
        false,
    )];
    let t = timeline(
        &tasks,
        Some((d(2026, 1, 1), d(2026, 3, 31))),
        &Default::default(),
    )
    .unwrap();
    assert_eq!(t.quarters, vec!["Quý IV/2025", "Quý I/2026"]);
    let long = vec![task(
        "Dài",
        Some(d(2021, 1, 1)),
        Some(d(2030, 12, 31)),
        false,
    )];
    let t = timeline(&long, None, &Default::default()).unwrap();
    assert_eq!(t.quarters.len(), 12);
    assert_eq!(t.rows[0].span, 12);
    assert!(timeline(&[task("x", None, None, false)], None, &Default::default()).is_none());
}

#[test]
fn json_in_script_cannot_close_the_script() {
    let s = script_safe_json(&json!({"name": "</script><script>alert(1)</script> & <!--"}));
    assert!(!s.contains('<') && !s.contains('>'), "{s}");
    let back: serde_json::Value = serde_json::from_str(&s).unwrap();
    assert_eq!(back["name"], "</script><script>alert(1)</script> & <!--");
}

#[test]
fn qr_code_is_inline_svg_with_a_label() {
    let svg = qr_svg("https://xa.example.gov.vn/thu-tuc/dang-ky-khai-sinh/").unwrap();
    assert!(svg.starts_with("<svg role=\"img\" aria-label=\"Mã QR: https://xa.example.gov.vn/thu-tuc/dang-ky-khai-sinh/\""), "{}", &svg[..120]);
    assert!(svg.contains("<path") || svg.contains("<rect"));
    assert!(!svg.contains("<?xml"));
}

#[test]
fn qr_codes_decode_back_to_their_url() {
    for url in [
        "https://xa.example.gov.vn/thu-tuc/dang-ky-khai-sinh/",
        "https://tanhoaloi.example.gov.vn/thu-tuc/cap-giay-xac-nhan-tinh-trang-hon-nhan/",
        "http://127.0.0.1:1111/x/",
    ] {
        let (modules, width) = qr_modules(url).unwrap();
        // Rasterise: 4 pixels a module, a 4-module quiet zone, as a printer would.
        let (scale, quiet) = (4, 4);
        let side = (width + 2 * quiet) * scale;
        let mut img = rqrr::PreparedImage::prepare_from_greyscale(side, side, |x, y| {
            let (mx, my) = (
                (x / scale).wrapping_sub(quiet),
                (y / scale).wrapping_sub(quiet),
            );
            let dark = mx < width && my < width && modules[my * width + mx] == qrcode::Color::Dark;
            if dark { 0 } else { 255 }
        });
        let grids = img.detect_grids();
        assert_eq!(grids.len(), 1, "{url}");
        let (_, text) = grids[0].decode().unwrap();
        assert_eq!(text, url);
    }
}

#[test]
fn the_svg_path_draws_exactly_the_dark_modules() {
    let url = "https://xa.example.gov.vn/thu-tuc/dang-ky-khai-sinh/";
    let (modules, width) = qr_modules(url).unwrap();
    let svg = qr_svg(url).unwrap();
    let d = svg
        .split(" d=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let mut drawn = vec![false; width * width];
    for seg in d.split('M').filter(|s| !s.is_empty()) {
        // "x yhNv1h-Nz", in quiet-zone coordinates.
        let (xy, rest) = seg.split_once('h').unwrap();
        let (x, y) = xy.split_once(' ').unwrap();
        let (x, y): (usize, usize) = (
            x.parse::<usize>().unwrap() - 4,
            y.parse::<usize>().unwrap() - 4,
        );
        let len: usize = rest.split('v').next().unwrap().parse().unwrap();
        for i in 0..len {
            drawn[y * width + x + i] = true;
        }
    }
    let dark: Vec<bool> = modules.iter().map(|m| *m == qrcode::Color::Dark).collect();
    assert_eq!(drawn, dark);
    assert!(svg.contains(&format!("viewBox=\"0 0 {0} {0}\"", width + 8)));
}

#[test]
fn quarter_labels_follow_the_language() {
    let tasks = vec![task("x", Some(d(2026, 1, 1)), Some(d(2026, 6, 30)), false)];
    let en = crate::config::strings::Catalogue::from_pairs("en", &[("quarter", "Q{qn}/{year}")]);
    let t = timeline(&tasks, None, &en).unwrap();
    assert_eq!(t.quarters, vec!["Q1/2026", "Q2/2026"]);
}
