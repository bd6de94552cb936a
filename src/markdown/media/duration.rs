//! How long an audio or video file plays, read from its own headers: the player shows it
//! before anything is fetched (an audio player says `preload="none"`, so the browser does
//! not know it), and a citizen on a metered phone can judge the download. Four formats,
//! read by hand rather than with a media crate: each needs a few dozen lines of header
//! reading, and the crates that read them all (symphonia, lofty) would add tens of
//! thousands of lines of decoders congbo never runs. Anything unexpected gives `None`: no
//! duration is shown.

mod webm;

use std::io::{Read, Seek, SeekFrom};
use std::path::Path;

/// Seconds of audio or video in `bytes`, a whole file named with `ext` (`mp3`, `m4a`,
/// `ogg`, `mp4`, `webm`).
pub fn seconds(ext: &str, bytes: &[u8]) -> Option<u32> {
    let s = match ext.to_ascii_lowercase().as_str() {
        "mp3" => mp3(bytes)?,
        "m4a" | "mp4" => mp4(bytes)?,
        "ogg" | "oga" | "opus" => ogg(bytes)?,
        "webm" => webm::seconds(bytes)?,
        _ => return None,
    };
    whole_seconds(s)
}

/// `s` rounded to whole seconds, when it is a length worth showing.
fn whole_seconds(s: f64) -> Option<u32> {
    (s.is_finite() && s >= 0.5 && s < f64::from(u32::MAX)).then(|| s.round() as u32)
}

/// How much of a WebM file's head is read for its `Info`, which comes before any media.
const WEBM_HEAD: u64 = 256 * 1024;

/// The largest MP4 movie header (`moov`) read: an hour of video has one of a few
/// megabytes; anything larger is not worth holding for a caption.
const MOOV_MAX: u64 = 64 * 1024 * 1024;

/// Seconds of the video file at `path` (`mp4`, `webm`), reading only the parts that tell
/// it: a video runs to hundreds of megabytes, which a build must not read whole. An MP4's
/// movie header often comes last (cameras write it after the media), so its top-level
/// boxes are skipped over to it.
pub fn file_seconds(path: &Path, ext: &str) -> Option<u32> {
    let mut f = std::fs::File::open(path).ok()?;
    let s = match ext.to_ascii_lowercase().as_str() {
        "webm" => {
            let mut head = Vec::new();
            f.take(WEBM_HEAD).read_to_end(&mut head).ok()?;
            webm::seconds(&head)?
        }
        "mp4" => movie_seconds(&mp4_moov(&mut f)?)?,
        _ => return None,
    };
    whole_seconds(s)
}

/// The body of an MP4 file's top-level `moov` box, read by skipping the boxes before it.
fn mp4_moov(f: &mut std::fs::File) -> Option<Vec<u8>> {
    let len = f.metadata().ok()?.len();
    let mut at = 0u64;
    while at.checked_add(8)? <= len {
        f.seek(SeekFrom::Start(at)).ok()?;
        let mut h = [0u8; 16];
        f.read_exact(&mut h[..8]).ok()?;
        let (header, size) = match u32::from_be_bytes(h[..4].try_into().ok()?) {
            1 => {
                f.read_exact(&mut h[8..]).ok()?;
                (16, u64::from_be_bytes(h[8..].try_into().ok()?))
            }
            0 => (8, len - at),
            s => (8, u64::from(s)),
        };
        if size < header {
            return None;
        }
        if &h[4..8] == b"moov" {
            let body = (size - header).min(len - at - header);
            if body > MOOV_MAX {
                return None;
            }
            let mut moov = vec![0u8; usize::try_from(body).ok()?];
            f.read_exact(&mut moov).ok()?;
            return Some(moov);
        }
        at = at.checked_add(size)?;
    }
    None
}

/// `m:ss`, or `h:mm:ss` from an hour on.
pub fn format(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    if h > 0 {
        format!("{h}:{m:02}:{s:02}")
    } else {
        format!("{m}:{s:02}")
    }
}

/// The same duration as ISO 8601 (`PT3M5S`), for `<time datetime>`.
pub fn iso(seconds: u32) -> String {
    let (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
    let mut out = String::from("PT");
    if h > 0 {
        out.push_str(&format!("{h}H"));
    }
    if m > 0 {
        out.push_str(&format!("{m}M"));
    }
    out.push_str(&format!("{s}S"));
    out
}

/// An MPEG audio frame header: samples per frame, sample rate, bit rate (bits a second).
struct Frame {
    samples: u32,
    rate: u32,
    bitrate: u32,
    /// Where the Xing/Info tag would start after the 4-byte header.
    side_info: usize,
}

fn frame_header(h: [u8; 4]) -> Option<Frame> {
    if h[0] != 0xFF || h[1] & 0xE0 != 0xE0 {
        return None;
    }
    // Version: 3 = MPEG-1, 2 = MPEG-2, 0 = MPEG-2.5; layer: 1 = III, 2 = II, 3 = I.
    let version = (h[1] >> 3) & 3;
    let layer = (h[1] >> 1) & 3;
    let bitrate_index = usize::from(h[2] >> 4);
    let rate_index = usize::from((h[2] >> 2) & 3);
    let mono = (h[3] >> 6) == 3;
    if version == 1 || layer == 0 || bitrate_index == 0 || bitrate_index == 15 || rate_index == 3 {
        return None;
    }
    let rate = [44100, 48000, 32000][rate_index]
        >> match version {
            3 => 0,
            2 => 1,
            _ => 2,
        };
    const V1: [[u32; 15]; 3] = [
        [
            0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
        ],
        [
            0, 32, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320, 384,
        ],
        [
            0, 32, 64, 96, 128, 160, 192, 224, 256, 288, 320, 352, 384, 416, 448,
        ],
    ];
    const V2: [[u32; 15]; 2] = [
        [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160],
        [
            0, 32, 48, 56, 64, 80, 96, 112, 128, 144, 160, 176, 192, 224, 256,
        ],
    ];
    let kbps = match (version, layer) {
        (3, l) => V1[usize::from(l - 1)][bitrate_index],
        (_, 3) => V2[1][bitrate_index],
        _ => V2[0][bitrate_index],
    };
    let samples = match (version, layer) {
        (_, 3) => 384,
        (3, _) | (_, 2) => 1152,
        _ => 576,
    };
    let side_info = match (version == 3, mono) {
        (true, false) => 32,
        (true, true) | (false, false) => 17,
        (false, true) => 9,
    };
    Some(Frame {
        samples,
        rate,
        bitrate: kbps * 1000,
        side_info,
    })
}

/// MP3: the frame count of a Xing/Info tag (variable bit rate), else the audio's size at
/// the first frame's bit rate (constant bit rate, what loudspeaker bulletins are).
fn mp3(bytes: &[u8]) -> Option<f64> {
    let mut at = 0;
    // An ID3v2 tag first: 10 bytes of header, then a size in 7-bit bytes.
    if bytes.get(..3) == Some(b"ID3") {
        let s = bytes.get(6..10)?;
        let size = s
            .iter()
            .fold(0usize, |n, &b| (n << 7) | usize::from(b & 0x7F));
        at = 10 + size;
    }
    // The first frame header within the next 64 KiB (some files pad the tag).
    let end = bytes.len().min(at + 65536);
    let (start, frame) = (at..end.saturating_sub(3)).find_map(|i| {
        let h = [bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]];
        frame_header(h).map(|f| (i, f))
    })?;
    let tag = start + 4 + frame.side_info;
    if let Some(id) = bytes.get(tag..tag + 4)
        && (id == b"Xing" || id == b"Info")
    {
        let flags = u32::from_be_bytes(bytes.get(tag + 4..tag + 8)?.try_into().ok()?);
        if flags & 1 == 1 {
            let frames = u32::from_be_bytes(bytes.get(tag + 8..tag + 12)?.try_into().ok()?);
            return Some(f64::from(frames) * f64::from(frame.samples) / f64::from(frame.rate));
        }
    }
    let mut audio = bytes.len() - start;
    // An ID3v1 tag at the end is not audio.
    if bytes.len() >= 128 && &bytes[bytes.len() - 128..bytes.len() - 125] == b"TAG" {
        audio = audio.saturating_sub(128);
    }
    Some(audio as f64 * 8.0 / f64::from(frame.bitrate))
}

/// MP4 (`.m4a`): the movie header's `duration / timescale`, in `moov/mvhd`.
fn mp4(bytes: &[u8]) -> Option<f64> {
    movie_seconds(find_box(bytes, b"moov")?)
}

/// The `duration / timescale` of the movie header in `moov`'s body.
fn movie_seconds(moov: &[u8]) -> Option<f64> {
    let mvhd = find_box(moov, b"mvhd")?;
    let version = *mvhd.first()?;
    let u32_at = |i: usize| -> Option<u32> {
        Some(u32::from_be_bytes(mvhd.get(i..i + 4)?.try_into().ok()?))
    };
    let (scale, duration) = if version == 1 {
        let d = u64::from_be_bytes(mvhd.get(24..32)?.try_into().ok()?);
        (u32_at(20)?, d as f64)
    } else {
        (u32_at(12)?, f64::from(u32_at(16)?))
    };
    (scale > 0).then(|| duration / f64::from(scale))
}

/// The contents of the first box of type `kind` among the boxes in `bytes`.
fn find_box<'b>(bytes: &'b [u8], kind: &[u8; 4]) -> Option<&'b [u8]> {
    let mut at = 0usize;
    while at + 8 <= bytes.len() {
        let size = u32::from_be_bytes(bytes[at..at + 4].try_into().ok()?) as usize;
        let (header, size) = match size {
            // A 64-bit size follows the type.
            1 => {
                let big = u64::from_be_bytes(bytes.get(at + 8..at + 16)?.try_into().ok()?);
                (16, usize::try_from(big).ok()?)
            }
            // To the end of the file.
            0 => (8, bytes.len() - at),
            s => (8, s),
        };
        if size < header {
            return None;
        }
        let end = at.checked_add(size)?.min(bytes.len());
        if &bytes[at + 4..at + 8] == kind {
            return bytes.get(at + header..end);
        }
        at = end;
    }
    None
}

/// Ogg (Vorbis or Opus): the last page's granule position over the sample rate.
fn ogg(bytes: &[u8]) -> Option<f64> {
    if bytes.get(..4) != Some(b"OggS") {
        return None;
    }
    // The first page's packet: its header is 27 bytes and a segment table.
    let segments = usize::from(*bytes.get(26)?);
    let packet = bytes.get(27 + segments..)?;
    let (rate, pre_skip) = if packet.starts_with(b"\x01vorbis") {
        (u32::from_le_bytes(packet.get(12..16)?.try_into().ok()?), 0)
    } else if packet.starts_with(b"OpusHead") {
        let skip = u16::from_le_bytes(packet.get(10..12)?.try_into().ok()?);
        (48000, u64::from(skip))
    } else {
        return None;
    };
    let last = memchr::memmem::rfind(bytes, b"OggS")?;
    let granule = u64::from_le_bytes(bytes.get(last + 6..last + 14)?.try_into().ok()?);
    (rate > 0 && granule != u64::MAX)
        .then(|| granule.saturating_sub(pre_skip) as f64 / f64::from(rate))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A constant-bit-rate MP3: an ID3v2 tag, then 128 kbit/s MPEG-1 Layer III frames at
    /// 44.1 kHz, `audio` bytes of them.
    fn cbr_mp3(audio: usize) -> Vec<u8> {
        let mut b = b"ID3\x04\x00\x00\x00\x00\x00\x0A".to_vec();
        b.extend([0u8; 10]);
        let mut frames = vec![0u8; audio];
        frames[..4].copy_from_slice(&[0xFF, 0xFB, 0x90, 0x00]);
        b.extend(frames);
        b
    }

    #[test]
    fn mp3_constant_bit_rate_from_its_size() {
        // 128 kbit/s is 16,000 bytes a second: 95 s is 1,520,000 bytes.
        assert_eq!(seconds("mp3", &cbr_mp3(1_520_000)), Some(95));
        assert_eq!(seconds("MP3", &cbr_mp3(16_000 * 61)), Some(61));
    }

    #[test]
    fn mp3_variable_bit_rate_from_its_xing_frame_count() {
        let mut b = vec![0xFF, 0xFB, 0x90, 0x00];
        b.extend([0u8; 32]);
        b.extend(b"Xing");
        b.extend(1u32.to_be_bytes());
        // 1,000 frames of 1,152 samples at 44.1 kHz: 26.12 s.
        b.extend(1000u32.to_be_bytes());
        b.extend([0u8; 400]);
        assert_eq!(seconds("mp3", &b), Some(26));
    }

    #[test]
    fn m4a_from_the_movie_header() {
        let mut mvhd = vec![0u8; 4 + 8];
        mvhd.extend(1000u32.to_be_bytes());
        mvhd.extend(185_000u32.to_be_bytes());
        mvhd.extend([0u8; 80]);
        let boxed = |kind: &[u8], body: &[u8]| {
            let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
            b.extend(kind);
            b.extend(body);
            b
        };
        let mut file = boxed(b"ftyp", b"M4A \0\0\0\0");
        file.extend(boxed(b"mdat", &[7u8; 100]));
        file.extend(boxed(b"moov", &boxed(b"mvhd", &mvhd)));
        assert_eq!(seconds("m4a", &file), Some(185));
        assert_eq!(format(185), "3:05");
        assert_eq!(iso(185), "PT3M5S");
        assert_eq!(format(3725), "1:02:05");
    }

    fn ogg_page(granule: u64, packet: &[u8]) -> Vec<u8> {
        let mut p = b"OggS\0\0".to_vec();
        p.extend(granule.to_le_bytes());
        p.extend([0u8; 12]);
        p.push(1);
        p.push(packet.len() as u8);
        p.extend(packet);
        p
    }

    #[test]
    fn ogg_vorbis_and_opus_from_the_last_granule() {
        let mut id = b"\x01vorbis\0\0\0\0\x01".to_vec();
        id.extend(44100u32.to_le_bytes());
        id.extend([0u8; 10]);
        let mut file = ogg_page(0, &id);
        file.extend(ogg_page(44100 * 42, &[0u8; 50]));
        assert_eq!(seconds("ogg", &file), Some(42));

        let mut head = b"OpusHead\x01\x01".to_vec();
        head.extend(312u16.to_le_bytes());
        head.extend([0u8; 7]);
        let mut opus = ogg_page(0, &head);
        opus.extend(ogg_page(48000 * 10 + 312, &[0u8; 20]));
        assert_eq!(seconds("ogg", &opus), Some(10));
    }

    /// An EBML element: its id (with its length marker), a one-byte size, its data.
    fn ebml(id: &[u8], data: &[u8]) -> Vec<u8> {
        let mut b = id.to_vec();
        b.push(0x80 | data.len() as u8);
        b.extend(data);
        b
    }

    #[test]
    fn webm_from_its_segment_info() {
        let mut info = ebml(&[0x2A, 0xD7, 0xB1], &1_000_000u32.to_be_bytes());
        // 95,500 ms as a 64-bit float, in units of the 1 ms timecode scale.
        info.extend(ebml(&[0x44, 0x89], &95_500f64.to_be_bytes()));
        let mut segment = ebml(&[0x11, 0x4D, 0x9B, 0x74], &[0xEC, 0x80]);
        segment.extend(ebml(&[0x15, 0x49, 0xA9, 0x66], &info));
        let mut file = ebml(&[0x1A, 0x45, 0xDF, 0xA3], &ebml(&[0x42, 0x82], b"webm"));
        // A Segment of unknown size (live recordings write one), running to the end.
        file.extend([
            0x18, 0x53, 0x80, 0x67, 0x01, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
        ]);
        file.extend(&segment);
        file.extend(ebml(&[0x1F, 0x43, 0xB6, 0x75], &[0u8; 20]));
        assert_eq!(seconds("webm", &file), Some(96));
        // A 32-bit float with the default scale (1 ms) when the Info does not give one.
        let info = ebml(&[0x44, 0x89], &61_000f32.to_be_bytes());
        let mut file = ebml(&[0x1A, 0x45, 0xDF, 0xA3], &[]);
        file.extend(ebml(
            &[0x18, 0x53, 0x80, 0x67],
            &ebml(&[0x15, 0x49, 0xA9, 0x66], &info),
        ));
        assert_eq!(seconds("WEBM", &file), Some(61));
        // A recording with no Duration (a browser's MediaRecorder writes none) has none.
        let mut file = ebml(&[0x1A, 0x45, 0xDF, 0xA3], &[]);
        file.extend(ebml(
            &[0x18, 0x53, 0x80, 0x67],
            &ebml(&[0x15, 0x49, 0xA9, 0x66], &[]),
        ));
        assert_eq!(seconds("webm", &file), None);
    }

    #[test]
    fn an_mp4_video_file_is_read_for_its_movie_header_only() {
        let boxed = |kind: &[u8], body: &[u8]| {
            let mut b = ((body.len() + 8) as u32).to_be_bytes().to_vec();
            b.extend(kind);
            b.extend(body);
            b
        };
        let mut mvhd = vec![0u8; 12];
        mvhd.extend(600u32.to_be_bytes());
        mvhd.extend((600u32 * 754).to_be_bytes());
        mvhd.extend([0u8; 80]);
        // The movie after 3 MB of media, as a camera writes it.
        let mut file = boxed(b"ftyp", b"isom\0\0\0\0");
        file.extend(boxed(b"mdat", &vec![7u8; 3_000_000]));
        file.extend(boxed(b"moov", &boxed(b"mvhd", &mvhd)));
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hoi-nghi.mp4");
        std::fs::write(&path, &file).unwrap();
        assert_eq!(file_seconds(&path, "mp4"), Some(754));
        assert_eq!(format(754), "12:34");
        std::fs::write(&path, b"not a video").unwrap();
        assert_eq!(file_seconds(&path, "mp4"), None);
        assert_eq!(file_seconds(&dir.path().join("none.webm"), "webm"), None);
    }

    #[test]
    fn what_cannot_be_read_has_no_duration() {
        for (ext, bytes) in [
            ("mp3", &b"not audio at all"[..]),
            ("m4a", &[0, 0, 0, 4, b'm', b'o', b'o', b'v'][..]),
            ("ogg", &b"OggS"[..]),
            ("mp3", &[][..]),
            ("wav", &b"RIFF"[..]),
        ] {
            assert_eq!(seconds(ext, bytes), None, "{ext}");
        }
    }
}
