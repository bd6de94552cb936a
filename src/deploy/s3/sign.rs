//! AWS Signature Version 4 for S3 requests: the published algorithm (a canonical request,
//! a string to sign, a key derived from the secret for the day, region and service), with
//! ring's SHA-256 and HMAC. Checked against the example of AWS's documentation.

use ring::{digest, hmac};

/// The hex SHA-256 of bytes.
pub(super) fn sha256_hex(bytes: &[u8]) -> String {
    hex(digest::digest(&digest::SHA256, bytes).as_ref())
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn hmac_sha256(key: &[u8], data: &str) -> Vec<u8> {
    let key = hmac::Key::new(hmac::HMAC_SHA256, key);
    hmac::sign(&key, data.as_bytes()).as_ref().to_vec()
}

/// A path as S3 signs and reads it: every byte but letters, digits, `-._~` and `/`
/// percent-encoded (Vietnamese file names included, as their UTF-8 bytes).
pub(super) fn uri_encode(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// What a request is signed with.
#[derive(Clone)]
pub(super) struct Keys {
    pub(super) access: String,
    pub(super) secret: String,
    pub(super) region: String,
}

/// The `Authorization` header of a request: `method`, the encoded path `uri`, the
/// canonical query (empty here), the headers to sign (lower-case names, sorted by name,
/// `host`, `x-amz-content-sha256` and `x-amz-date` among them), the payload's hash and
/// the request's time (`20130524T000000Z`).
pub(super) fn authorization(
    keys: &Keys,
    method: &str,
    uri: &str,
    query: &str,
    headers: &[(&str, &str)],
    payload_hash: &str,
    amz_date: &str,
) -> String {
    let canonical_headers: String = headers
        .iter()
        .map(|(n, v)| format!("{n}:{}\n", v.trim()))
        .collect();
    let signed: Vec<&str> = headers.iter().map(|(n, _)| *n).collect();
    let signed = signed.join(";");
    let request =
        format!("{method}\n{uri}\n{query}\n{canonical_headers}\n{signed}\n{payload_hash}");
    let day = &amz_date[..8.min(amz_date.len())];
    let scope = format!("{day}/{}/s3/aws4_request", keys.region);
    let to_sign = format!(
        "AWS4-HMAC-SHA256\n{amz_date}\n{scope}\n{}",
        sha256_hex(request.as_bytes())
    );
    let k_date = hmac_sha256(format!("AWS4{}", keys.secret).as_bytes(), day);
    let k_region = hmac_sha256(&k_date, &keys.region);
    let k_service = hmac_sha256(&k_region, "s3");
    let k_signing = hmac_sha256(&k_service, "aws4_request");
    let signature = hex(&hmac_sha256(&k_signing, &to_sign));
    format!(
        "AWS4-HMAC-SHA256 Credential={}/{scope}, SignedHeaders={signed}, Signature={signature}",
        keys.access
    )
}

/// The time of a request as SigV4 writes it (`20130524T000000Z`), from seconds since 1970.
pub(super) fn amz_date(unix_seconds: u64) -> String {
    let days = (unix_seconds / 86_400) as i64;
    let date = crate::text::date::Date::from_days_since_epoch(days).iso();
    let s = unix_seconds % 86_400;
    format!(
        "{}T{:02}{:02}{:02}Z",
        date.replace('-', ""),
        s / 3600,
        s / 60 % 60,
        s % 60
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The "GET Object" example of AWS's Signature Version 4 documentation for S3.
    #[test]
    fn signs_as_the_aws_documentation_example() {
        let keys = Keys {
            access: "AKIAIOSFODNN7EXAMPLE".into(),
            secret: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY".into(),
            region: "us-east-1".into(),
        };
        let empty = sha256_hex(b"");
        assert_eq!(
            empty,
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
        let auth = authorization(
            &keys,
            "GET",
            "/test.txt",
            "",
            &[
                ("host", "examplebucket.s3.amazonaws.com"),
                ("range", "bytes=0-9"),
                ("x-amz-content-sha256", &empty),
                ("x-amz-date", "20130524T000000Z"),
            ],
            &empty,
            "20130524T000000Z",
        );
        assert_eq!(
            auth,
            "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request, \
             SignedHeaders=host;range;x-amz-content-sha256;x-amz-date, \
             Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41"
        );
    }

    #[test]
    fn times_and_paths_are_written_as_s3_reads_them() {
        assert_eq!(amz_date(1_369_353_600), "20130524T000000Z");
        assert_eq!(amz_date(1_369_353_600 + 3_723), "20130524T010203Z");
        assert_eq!(
            uri_encode("/b/tin tức/a+b.html"),
            "/b/tin%20t%E1%BB%A9c/a%2Bb.html"
        );
    }
}
