//! The TLS settings of `ftps://` targets and of S3 stores with a `ca_file` (TLS 1.2, see
//! [`client_config`]): the usual public authorities (webpki-roots, as
//! for HTTPS), and the certificates of the target's `ca_file`, for a host that signs its
//! own (common on provincial servers). A self-signed certificate is usually marked as its
//! own authority, which the usual checks refuse to see serve a host; so a server showing
//! exactly a certificate of `ca_file` is trusted as that certificate (pinned, as SSH's
//! known_hosts pins a key), its handshake signatures still checked. Nothing else is ever
//! accepted unchecked: any other certificate that does not chain to these stops the
//! deploy, naming `ca_file`.

use std::path::Path;
use std::sync::Arc;

use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::pki_types::pem::PemObject;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{DigitallySignedStruct, SignatureScheme};

/// The usual checks, and the certificates of `ca_file` taken as they are.
#[derive(Debug)]
struct Pinned {
    usual: Arc<WebPkiServerVerifier>,
    pinned: Vec<CertificateDer<'static>>,
}

impl ServerCertVerifier for Pinned {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> Result<ServerCertVerified, rustls::Error> {
        let usual = self.usual.verify_server_cert(
            end_entity,
            intermediates,
            server_name,
            ocsp_response,
            now,
        );
        match usual {
            Err(_)
                if self
                    .pinned
                    .iter()
                    .any(|c| c.as_ref() == end_entity.as_ref()) =>
            {
                Ok(ServerCertVerified::assertion())
            }
            r => r,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.usual.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> Result<HandshakeSignatureValid, rustls::Error> {
        self.usual.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.usual.supported_verify_schemes()
    }
}

/// What to do about a server whose certificate is not trusted (`reply`: the TLS words).
pub(super) fn untrusted(host: &str, reply: &str) -> String {
    crate::tr!(
        en: "the server {host} shows a TLS certificate this computer does not trust ({reply}); if the host signs its own, ask its administrator for the certificate (a .pem file), check it with them, and write its path in ca_file",
        vi: "máy chủ {host} đưa ra chứng chỉ TLS mà máy này không tin cậy ({reply}); nếu máy chủ tự ký chứng chỉ, hãy xin người quản trị tệp chứng chỉ (.pem), đối chiếu với họ, rồi ghi đường dẫn của nó vào ca_file",
    )
}

/// The client settings, trusting the public authorities and those of `ca_file`.
pub(super) fn client_config(ca_file: Option<&Path>) -> Result<Arc<rustls::ClientConfig>, String> {
    let mut roots = rustls::RootCertStore::empty();
    let mut pinned = Vec::new();
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
        // One that cannot be an authority is still pinned.
        for cert in &certs {
            let _ = roots.add(cert.clone());
        }
        pinned = certs;
    }
    // TLS 1.2: FTP servers that require each file's connection to resume the login's TLS
    // session (vsftpd's default, `require_ssl_reuse`, against a thief of the data port)
    // refuse TLS 1.3 clients' file connections with "522 session reuse required" (curl
    // knows the same trouble); over 1.2 rustls resumes, and offers only modern ciphers.
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let usual = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), Arc::clone(&provider))
        .build()
        .map_err(|e| e.to_string())?;
    let config = rustls::ClientConfig::builder_with_provider(provider)
        .with_protocol_versions(&[&rustls::version::TLS12])
        .map_err(|e| e.to_string())?
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(Pinned { usual, pinned }))
        .with_no_client_auth();
    Ok(Arc::new(config))
}
