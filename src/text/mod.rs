//! Vietnamese text primitives for congbo: Unicode clean-up ([`normalize`]), where an
//! address points ([`address`]), agency names
//! and their abbreviations ([`agency`]),
//! folding keys for matching and search ([`fold`]), URL slugs ([`slug`]),
//! Vietnamese alphabetical order ([`collate`]), calendar dates in the forms
//! state documents use ([`date`]), reading a plan task's "due" text into
//! a period ([`due`]) and its status words ([`status`]), HTML escaping ([`html`]), and a
//! small scanner for the start tags of HTML ([`html_scan`]).
//!
//! Everything here is pure, allocation-light and total: no function panics,
//! whatever the input.

pub mod address;
pub mod agency;
pub mod authority;
pub mod collate;
pub mod date;
mod decompose;
pub mod due;
pub mod fold;
pub mod html;
pub mod html_scan;
pub mod normalize;
pub mod slug;
pub mod status;

#[cfg(test)]
pub(crate) mod source_scan;
#[cfg(test)]
pub(crate) mod testgen;

/// Appends the decimal digits of `n`: for output made of many numbers (QR code paths,
/// search shards), where `write!` costs several times more per number.
pub(crate) fn push_decimal(out: &mut String, mut n: usize) {
    if n < 10 {
        // Most numbers of a search shard: deltas and scores of one digit.
        out.push(char::from(b'0' + n as u8));
        return;
    }
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Appends `n` zero-padded to at least `width` digits, as `{:0width$}` does. Dates are
/// written for every list item, page and feed entry, where `format!` costs several times
/// more than the digits.
pub(crate) fn push_padded(out: &mut String, n: i32, width: usize) {
    let Ok(n) = usize::try_from(n) else {
        out.push_str(&format!("{n:0width$}"));
        return;
    };
    let digits = n.checked_ilog10().map_or(1, |d| d as usize + 1);
    for _ in digits..width {
        out.push('0');
    }
    push_decimal(out, n);
}

#[cfg(test)]
mod tests {
    #[test]
    fn push_decimal_writes_decimal_digits() {
        for n in [0usize, 7, 10, 99, 100, 4096, usize::MAX] {
            let mut s = String::from("x");
            super::push_decimal(&mut s, n);
            assert_eq!(s, format!("x{n}"));
        }
    }
}
