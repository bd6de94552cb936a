//! The ending of a document in the ND 30/2020 frame: the "Nơi nhận:" list and the
//! signature block ("TM. ỦY BAN NHÂN DÂN" / "KT. CHỦ TỊCH" / "PHÓ CHỦ TỊCH", the name)
//! into `recipients` and `signer`; the lines a digital signature adds ("… đã ký lên văn
//! bản này!", a timestamp) are dropped, and what is none of these is reported.

use super::super::doc::Para;
use super::{
    Framed, Signer, clean, is_recipients_head, is_separator, is_sign_as, is_upper, sentence_case,
};

/// A line a digital signature adds ("Người ký: … đã ký lên văn bản này!", a timestamp).
fn is_stamp(t: &str) -> bool {
    let l = t.to_lowercase();
    l.contains("đã ký")
        || l.contains("ký bởi")
        || l.contains("thời gian ký")
        || l.contains("ký số")
        || regex_time(t)
}

fn regex_time(t: &str) -> bool {
    // "08:15:22 +07:00", "15:30 20/01/2026": a clock time in a short line.
    t.len() < 60
        && t.as_bytes().windows(5).any(|w| {
            w[0].is_ascii_digit()
                && w[1].is_ascii_digit()
                && w[2] == b':'
                && w[3].is_ascii_digit()
                && w[4].is_ascii_digit()
        })
}

pub(super) fn read_ending(lines: &[Para], out: &mut Framed) {
    let mut sign: Vec<(usize, String)> = Vec::new();
    let mut in_recipients = false;
    for p in lines {
        let t = clean(&p.text);
        if t.is_empty() || is_separator(&t) {
            continue;
        }
        if is_recipients_head(&t) {
            in_recipients = true;
            // "Nơi nhận: - Bộ Nội vụ;" on one line.
            let rest = t
                .trim_start_matches("Nơi nhận")
                .trim_start_matches(':')
                .trim();
            if !rest.is_empty() {
                out.meta.recipients.push(recipient(rest));
            }
            continue;
        }
        if in_recipients && (t.starts_with(['-', '–', '+', '•']) || p.list.is_some()) {
            out.meta.recipients.push(recipient(&t));
            continue;
        }
        in_recipients = false;
        if is_stamp(&t) {
            continue;
        }
        sign.push((p.pos, t));
    }
    let last_as = sign.iter().rposition(|(_, t)| is_sign_as(t));
    let name_at = sign.iter().rposition(|(_, t)| !is_upper(t));
    let Some(ni) = name_at else {
        for (pos, t) in sign {
            out.unplaced.push((pos, t));
        }
        return;
    };
    let title_at = sign
        .iter()
        .enumerate()
        .skip(last_as.map_or(0, |i| i + 1))
        .find(|(i, (_, t))| *i < ni && is_upper(t))
        .map(|(i, _)| i);
    let signer = Signer {
        name: sign[ni].1.clone(),
        title: title_at.map(|i| position_case(&sign[i].1)),
        sign_as: last_as.map(|i| sign[i].1.clone()),
    };
    for (i, (pos, t)) in sign.iter().enumerate() {
        let used = Some(i) == last_as || Some(i) == title_at || i == ni || is_sign_as(t);
        if !used {
            out.unplaced.push((*pos, t.clone()));
        }
    }
    out.meta.signer = Some(signer);
}

/// "PHÓ CHỦ TỊCH" → "Phó Chủ tịch".
fn position_case(t: &str) -> String {
    match t.to_uppercase().strip_prefix("PHÓ ") {
        Some(rest) => format!("Phó {}", sentence_case(rest)),
        None => sentence_case(t),
    }
}

fn recipient(t: &str) -> String {
    let t = t.trim_start_matches(['-', '–', '+', '•', ' ']);
    let t = t.trim_end_matches("/.").trim_end_matches("./.");
    t.trim_end_matches([';', '.', ',', ' ']).trim().to_string()
}
