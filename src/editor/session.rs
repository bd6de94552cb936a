//! Logged-in sessions of the editor and the brake on guessing passwords. A session is a
//! random token (in an HttpOnly, SameSite=Strict cookie) mapped in memory to its account
//! and its own CSRF token; it ends after [`IDLE`] without use, after [`LONGEST`] in any
//! case, at logout, and when the server stops. Failed logins are counted per account and
//! per client address: from the [`FREE_TRIES`]th failure on, each try must wait, twice
//! as long after each further failure, up to [`LONGEST_WAIT`].

use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use super::accounts::Role;
use super::{Editor, Form};
use crate::error::Diagnostic;

/// Who sends a request to the editor: an account's session, or (without accounts, on
/// this computer only) `local`, whose token is the process's.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Caller {
    /// The account's name (`local` without accounts): the audit log and git name it.
    pub name: String,
    /// What it may do (`local` may do everything, as before accounts existed).
    pub role: Role,
    /// The token its forms carry.
    pub csrf: String,
    /// Whether the request's cookie proves it comes from the editor's own page.
    pub cookie_ok: bool,
    /// Whether it is a logged-in session (which pages offer logout).
    pub logged_in: bool,
}

impl Caller {
    /// The caller on a server without login: the cookie must carry the process's token.
    pub fn local(editor: &Editor, cookie: Option<&str>) -> Caller {
        Caller {
            name: "local".to_string(),
            role: Role::Publisher,
            csrf: editor.token.clone(),
            cookie_ok: cookie == Some(editor.token.as_str()),
            logged_in: false,
        }
    }

    /// The caller of a live session (its cookie was checked to find it).
    pub fn of(session: &Session) -> Caller {
        Caller {
            name: session.user.clone(),
            role: session.role,
            csrf: session.csrf.clone(),
            cookie_ok: true,
            logged_in: true,
        }
    }

    /// Whether a change may go ahead: the cookie checked, and the form's `csrf` this
    /// caller's token (no other site's page can know it).
    pub fn allowed(&self, form: &Form) -> bool {
        let in_form = form.iter().find(|(k, _)| k == "csrf").map(|(_, v)| v);
        self.cookie_ok && !self.csrf.is_empty() && in_form.is_some_and(|t| *t == self.csrf)
    }

    /// Whether this caller may write the page the form makes: an editor saves drafts
    /// only (the draft box ticked, not "publish").
    pub fn may_write(
        &self,
        publish: bool,
        values: &super::front::Values,
    ) -> Result<(), Diagnostic> {
        let draft = values
            .get("draft")
            .is_some_and(|v| matches!(v.trim(), "true" | "on"));
        if self.role == Role::Publisher || (draft && !publish) {
            return Ok(());
        }
        Err(Diagnostic::command(crate::tr!(
            en: "your account may save drafts only: tick «Draft» and press Save; someone with the publisher role publishes it",
            vi: "tài khoản của bạn chỉ được lưu bản nháp: hãy đánh dấu ô «Bản nháp» rồi bấm Lưu; người có quyền xuất bản sẽ xuất bản trang",
        )))
    }

    /// Refuses what only a publisher may do; the plain reason.
    pub fn must_publish(&self) -> Result<(), String> {
        if self.role == Role::Publisher {
            Ok(())
        } else {
            Err(crate::tr!(
                en: "only an account with the publisher role may do this; ask one of them",
                vi: "chỉ tài khoản có quyền xuất bản mới làm được việc này; hãy nhờ người có quyền đó",
            ))
        }
    }
}

/// A session unused this long ends.
pub const IDLE: Duration = Duration::from_secs(2 * 60 * 60);
/// A session ends this long after login, used or not.
pub const LONGEST: Duration = Duration::from_secs(12 * 60 * 60);
/// Failures allowed before logins of that account or address must wait.
pub const FREE_TRIES: u32 = 5;
/// The first wait, doubled after each further failure.
pub const FIRST_WAIT: Duration = Duration::from_secs(30);
/// The longest wait.
pub const LONGEST_WAIT: Duration = Duration::from_secs(60 * 60);

/// Who is logged in, as a request sees it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The account's name.
    pub user: String,
    /// Its role when it logged in.
    pub role: Role,
    /// The token every form of this session carries.
    pub csrf: String,
    started: Instant,
    used: Instant,
}

/// The sessions of one server.
#[derive(Debug, Default)]
pub struct Sessions(Mutex<HashMap<String, Session>>);

impl Sessions {
    /// Starts a session for `user`; its cookie token.
    pub fn start(&self, user: &str, role: Role) -> Option<String> {
        let (token, csrf) = (random_token()?, random_token()?);
        let now = Instant::now();
        let session = Session {
            user: user.to_string(),
            role,
            csrf,
            started: now,
            used: now,
        };
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.retain(|_, s| alive(s, now));
        map.insert(token.clone(), session);
        Some(token)
    }

    /// The live session of a cookie's token, marked as used now.
    pub fn get(&self, token: &str) -> Option<Session> {
        self.get_at(token, Instant::now())
    }

    fn get_at(&self, token: &str, now: Instant) -> Option<Session> {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        let s = map.get_mut(token)?;
        if !alive(s, now) {
            map.remove(token);
            return None;
        }
        s.used = now;
        Some(s.clone())
    }

    /// Ends a session (logout).
    pub fn end(&self, token: &str) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.remove(token);
    }

    /// Ends every session of `user` (removed, or its password changed).
    pub fn end_user(&self, user: &str) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        map.retain(|_, s| s.user != user);
    }
}

fn alive(s: &Session, now: Instant) -> bool {
    now.duration_since(s.used) < IDLE && now.duration_since(s.started) < LONGEST
}

/// Failed logins by key (`user:NAME`, `addr:IP`).
#[derive(Debug, Default)]
pub struct Limiter(Mutex<HashMap<String, (u32, Instant)>>);

impl Limiter {
    /// How long the keys must still wait before another try; `None`: try now.
    pub fn wait(&self, keys: &[String]) -> Option<Duration> {
        self.wait_at(keys, Instant::now())
    }

    fn wait_at(&self, keys: &[String], now: Instant) -> Option<Duration> {
        let map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        keys.iter()
            .filter_map(|k| map.get(k))
            .filter_map(|(n, last)| (last.checked_add(delay(*n))?).checked_duration_since(now))
            .filter(|d| !d.is_zero())
            .max()
    }

    /// Counts a failure for each key.
    pub fn failed(&self, keys: &[String]) {
        self.failed_at(keys, Instant::now());
    }

    fn failed_at(&self, keys: &[String], now: Instant) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for k in keys {
            let e = map.entry(k.clone()).or_insert((0, now));
            *e = (e.0.saturating_add(1), now);
        }
    }

    /// Forgets the failures of the keys (a login that worked).
    pub fn succeeded(&self, keys: &[String]) {
        let mut map = self.0.lock().unwrap_or_else(|p| p.into_inner());
        for k in keys {
            map.remove(k);
        }
    }
}

/// The wait after `n` failures: none before [`FREE_TRIES`], then 30 s, 60 s, 120 s …
fn delay(n: u32) -> Duration {
    if n < FREE_TRIES {
        return Duration::ZERO;
    }
    let doublings = (n - FREE_TRIES).min(16);
    FIRST_WAIT.saturating_mul(1 << doublings).min(LONGEST_WAIT)
}

/// 256 bits from the operating system's randomness, as hex; `None` if it has none to give.
pub fn random_token() -> Option<String> {
    let mut bytes = [0u8; 32];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_lives_until_idle_or_too_old_or_ended() {
        let s = Sessions::default();
        let t = s.start("lan", Role::Editor).unwrap();
        assert_eq!(t.len(), 64);
        let got = s.get(&t).unwrap();
        assert_eq!((got.user.as_str(), got.role), ("lan", Role::Editor));
        assert_ne!(got.csrf, t);
        assert!(s.get("khong-co").is_none());
        let now = Instant::now();
        assert!(s.get_at(&t, now + IDLE + Duration::from_secs(1)).is_none());
        let t = s.start("lan", Role::Editor).unwrap();
        // Used every hour, it still ends after LONGEST.
        let mut at = now;
        while at < now + LONGEST - Duration::from_secs(3600) {
            at += Duration::from_secs(3600);
            assert!(s.get_at(&t, at).is_some());
        }
        assert!(
            s.get_at(&t, now + LONGEST + Duration::from_secs(1))
                .is_none()
        );
        let t = s.start("minh", Role::Publisher).unwrap();
        s.end_user("minh");
        assert!(s.get(&t).is_none());
    }

    #[test]
    fn failures_make_logins_wait_longer_and_longer() {
        let l = Limiter::default();
        let keys = ["user:lan".to_string(), "addr:10.0.0.9".to_string()];
        let now = Instant::now();
        for _ in 0..FREE_TRIES - 1 {
            l.failed_at(&keys, now);
        }
        assert_eq!(l.wait_at(&keys, now), None);
        l.failed_at(&keys, now);
        assert_eq!(l.wait_at(&keys, now), Some(FIRST_WAIT));
        l.failed_at(&keys, now);
        assert_eq!(l.wait_at(&keys, now), Some(FIRST_WAIT * 2));
        // Another account from the same address waits too; the address's count decides.
        let other = ["user:minh".to_string(), "addr:10.0.0.9".to_string()];
        assert_eq!(l.wait_at(&other, now), Some(FIRST_WAIT * 2));
        assert_eq!(l.wait_at(&other, now + FIRST_WAIT * 2), None);
        l.succeeded(&keys);
        assert_eq!(l.wait_at(&keys, now), None);
        assert_eq!(delay(100), LONGEST_WAIT);
    }
}
