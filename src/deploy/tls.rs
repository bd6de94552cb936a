//! The TLS settings of `ftps://` targets (TLS 1.2, see [`client_config`]): the usual public authorities (webpki-roots, as
//! for HTTPS), and the certificates of the target's `ca_file`, for a host that signs its
//! own (common on provincial servers). Nothing is ever accepted unchecked: a certificate
//! that does not chain to one of these stops the deploy, naming `ca_file`.

use std::path::Path;
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;

/// The client settings, trusting the public authorities and those of `ca_file`.
pub(super) fn client_config(ca_file: Option<&Path>) -> Result<Arc<rustls::ClientConfig>, String> {
    let mut roots = rustls::RootCertStore::empty();
    roots.extend(webpki_roots::TLS_SERVER_ROOTS.iter().cloned());
    if let Some(file) = ca_file {
        let shown = file.display();
        let certs: Vec<CertificateDer<'static>> = CertificateDer::pem_file_iter(file)
            .and_then(|it| it.collect::<Result<_, _>>())
            .map_err(|e| {
                crate::tr!(
                    en: "could not read the certificates in {shown} ({e}); write in ca_file the path of a PEM file (-----BEGIN CERTIFICATE-----)",
                    vi: "không đọc được chứng chỉ trong {shown} ({e}); hãy ghi vào ca_file đường dẫn của một tệp PEM (-----BEGIN CERTIFICATE-----)",
                )
            })?;
        if certs.is_empty() {
            return Err(crate::tr!(
                en: "{shown} (ca_file) holds no certificate; write the path of a PEM file with -----BEGIN CERTIFICATE-----",
                vi: "{shown} (ca_file) không chứa chứng chỉ nào; hãy ghi đường dẫn của một tệp PEM có -----BEGIN CERTIFICATE-----",
            ));
        }
        for cert in certs {
            roots.add(cert).map_err(|e| {
                crate::tr!(
                    en: "a certificate in {shown} (ca_file) cannot be trusted as an authority: {e}",
                    vi: "một chứng chỉ trong {shown} (ca_file) không dùng được làm gốc tin cậy: {e}",
                )
            })?;
        }
    }
    // TLS 1.2: FTP servers that require each file's connection to resume the login's TLS
    // session (vsftpd's default, `require_ssl_reuse`, against a thief of the data port)
    // refuse TLS 1.3 clients' file connections with "522 session reuse required" (curl
    // knows the same trouble); over 1.2 rustls resumes, and offers only modern ciphers.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS12])
        .map_err(|e| e.to_string())?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}
