//! WebM (Matroska) duration: the `Duration` of the segment's `Info`, in units of its
//! `TimecodeScale` (nanoseconds, a millisecond by default). EBML, Matroska's container
//! format, is a tree of elements, each an id and a size written as variable-length
//! integers; `Info` comes before the first `Cluster` of media, within the first few
//! kilobytes, so a file's head is enough.

/// The ids congbo looks for, with their length markers, as files write them.
const SEGMENT: u64 = 0x1853_8067;
const INFO: u64 = 0x1549_A966;
const CLUSTER: u64 = 0x1F43_B675;
const TIMECODE_SCALE: u64 = 0x2A_D7B1;
const DURATION: u64 = 0x4489;

/// Seconds of the WebM whose first bytes are `head`; `None` when it does not say (a
/// browser's own recordings write no `Duration`).
pub(super) fn seconds(head: &[u8]) -> Option<f64> {
    let segment = child(head, SEGMENT)?;
    let info = child(segment, INFO)?;
    let scale = match child(info, TIMECODE_SCALE) {
        Some(s) => uint(s)?,
        None => 1_000_000,
    };
    let duration = float(child(info, DURATION)?)?;
    Some(duration * scale as f64 / 1e9)
}

/// A variable-length integer at `at`: its value (with its length marker for an id, as ids
/// are written; without it for a size) and its length in bytes.
fn vint(b: &[u8], at: usize, marker: bool) -> Option<(u64, usize)> {
    let first = *b.get(at)?;
    let len = first.leading_zeros() as usize + 1;
    if len > 8 {
        return None;
    }
    let start = if marker {
        u64::from(first)
    } else {
        u64::from(first) & (0xFF >> len)
    };
    let value = b
        .get(at + 1..at + len)?
        .iter()
        .fold(start, |v, &x| (v << 8) | u64::from(x));
    Some((value, len))
}

/// The data of the first element `want` among the elements in `b`, stopping at media
/// (a `Cluster`) or an element of unknown size, past which nothing can be skipped. An
/// element cut off at the end of `b` (a file's head) gives what `b` holds of it.
fn child(b: &[u8], want: u64) -> Option<&[u8]> {
    let mut at = 0usize;
    while at < b.len() {
        let (id, n) = vint(b, at, true)?;
        let (size, m) = vint(b, at + n, false)?;
        let start = at + n + m;
        // All bits set: the size is unknown, and the element runs to its parent's end.
        let unknown = size == (1u64 << (7 * m)) - 1;
        let end = if unknown {
            b.len()
        } else {
            start.checked_add(usize::try_from(size).ok()?)?.min(b.len())
        };
        if id == want {
            return b.get(start..end);
        }
        if id == CLUSTER || unknown {
            return None;
        }
        at = end;
    }
    None
}

/// A big-endian unsigned integer of 1 to 8 bytes.
fn uint(b: &[u8]) -> Option<u64> {
    (!b.is_empty() && b.len() <= 8).then(|| b.iter().fold(0u64, |v, &x| (v << 8) | u64::from(x)))
}

/// A big-endian float of 4 or 8 bytes.
fn float(b: &[u8]) -> Option<f64> {
    match b.len() {
        4 => Some(f64::from(f32::from_be_bytes(b.try_into().ok()?))),
        8 => Some(f64::from_be_bytes(b.try_into().ok()?)),
        _ => None,
    }
}
