//! A zip archive of stored (uncompressed) files: how the console hands the
//! organiser a sharded publication (`engagements/index.json` and one file
//! per département) as one download, to unpack next to the widget's files.
//! PKWARE's APPNOTE, the subset every unzip reads: no compression, no
//! encryption, names in UTF-8 (flag 11), under 65,535 files and 4 GB.

use crate::domain::signing_date::SigningDate;

/// The archive of `files` (path, bytes), dated `date`. At most 65,535
/// files: a publication stays under it (`shards::MAX_COMMUNE_FILES`).
pub fn stored_zip(files: &[(String, Vec<u8>)], date: SigningDate) -> Vec<u8> {
    debug_assert!(files.len() <= usize::from(u16::MAX));
    let (y, m, d) = date.ymd();
    let dos_date = ((y.saturating_sub(1980) as u16) << 9) | ((m as u16) << 5) | d as u16;
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (path, bytes) in files {
        let offset = out.len() as u32;
        let crc = crc32(bytes);
        let header = |out: &mut Vec<u8>| {
            put16(out, 20); // version needed: 2.0
            put16(out, 1 << 11); // names in UTF-8
            put16(out, 0); // stored
            put16(out, 0); // 00:00
            put16(out, dos_date);
            put32(out, crc);
            put32(out, bytes.len() as u32);
            put32(out, bytes.len() as u32);
            put16(out, path.len() as u16);
            put16(out, 0); // no extra field
        };
        put32(&mut out, 0x0403_4b50);
        header(&mut out);
        out.extend(path.as_bytes());
        out.extend(bytes);
        put32(&mut central, 0x0201_4b50);
        put16(&mut central, 20); // made by: 2.0
        header(&mut central);
        put16(&mut central, 0); // no comment
        put16(&mut central, 0); // disk 0
        put16(&mut central, 0); // internal attributes
        put32(&mut central, 0); // external attributes
        put32(&mut central, offset);
        central.extend(path.as_bytes());
    }
    let (at, size) = (out.len() as u32, central.len() as u32);
    out.extend(central);
    put32(&mut out, 0x0605_4b50);
    put16(&mut out, 0);
    put16(&mut out, 0);
    put16(&mut out, files.len() as u16);
    put16(&mut out, files.len() as u16);
    put32(&mut out, size);
    put32(&mut out, at);
    put16(&mut out, 0);
    out
}

fn put16(out: &mut Vec<u8>, n: u16) {
    out.extend(n.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, n: u32) {
    out.extend(n.to_le_bytes());
}

/// CRC-32 (ISO-HDLC, as zip and PNG use).
pub(crate) fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = (crc >> 1) ^ (0xEDB8_8320 & (crc & 1).wrapping_neg());
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The files a zip reader finds, by its central directory.
    fn read(zip: &[u8]) -> Vec<(String, Vec<u8>)> {
        let u16_at = |at: usize| u16::from_le_bytes([zip[at], zip[at + 1]]) as usize;
        let u32_at = |at: usize| u32::from_le_bytes(zip[at..at + 4].try_into().unwrap()) as usize;
        let end = zip.len() - 22;
        assert_eq!(u32_at(end), 0x0605_4b50);
        let (count, mut at) = (u16_at(end + 10), u32_at(end + 16));
        let mut files = Vec::new();
        for _ in 0..count {
            assert_eq!(u32_at(at), 0x0201_4b50);
            let (crc, size, name_len) = (u32_at(at + 16), u32_at(at + 24), u16_at(at + 28));
            let local = u32_at(at + 42);
            let name = String::from_utf8(zip[at + 46..at + 46 + name_len].to_vec()).unwrap();
            assert_eq!(u32_at(local), 0x0403_4b50);
            assert_eq!(u16_at(local + 8), 0, "stored");
            let data_at = local + 30 + u16_at(local + 26) + u16_at(local + 28);
            let data = zip[data_at..data_at + size].to_vec();
            assert_eq!(crc32(&data) as usize, crc);
            files.push((name, data));
            at += 46 + name_len;
        }
        files
    }

    #[test]
    fn crc32_is_the_standard_one() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
    }

    #[test]
    fn an_archive_reads_back_as_its_files() {
        let files = vec![
            (
                "engagements/index.json".to_owned(),
                b"{\"a\": 1}\n".to_vec(),
            ),
            ("engagements/2A.json".to_owned(), vec![0; 70_000]),
            ("engagements/vide.json".to_owned(), Vec::new()),
        ];
        let zip = stored_zip(&files, SigningDate::from_ymd(2026, 12, 6).unwrap());
        assert_eq!(read(&zip), files);
        // Dated as asked: 2026-12-06, in DOS form.
        assert_eq!(
            u16::from_le_bytes([zip[12], zip[13]]),
            (46 << 9) | (12 << 5) | 6
        );
    }
}
