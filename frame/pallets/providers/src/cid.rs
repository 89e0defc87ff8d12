//! The CID check of runtime-specs/dinfra.md ("Conventions"): the string form of a CIDv0, or of
//! a CIDv1 in multibase `b` (base32 lower), `k` (base36 lower) or `z` (base58btc).

use crate::types::MAX_CID_LEN;

fn base58(c: u8) -> bool {
	matches!(c, b'1'..=b'9' | b'A'..=b'H' | b'J'..=b'N' | b'P'..=b'Z' | b'a'..=b'k' | b'm'..=b'z')
}

/// Whether `bytes` is a CID string of 8 to MaxCidLen bytes.
pub fn is_cid(bytes: &[u8]) -> bool {
	if bytes.len() < 8 || bytes.len() > MAX_CID_LEN as usize {
		return false;
	}
	if bytes.starts_with(b"Qm") {
		return bytes.len() == 46 && bytes.iter().all(|c| base58(*c));
	}
	let body = &bytes[1..];
	match bytes[0] {
		b'b' => body.iter().all(|c| matches!(c, b'a'..=b'z' | b'2'..=b'7')),
		b'k' => body.iter().all(|c| matches!(c, b'a'..=b'z' | b'0'..=b'9')),
		b'z' => body.iter().all(|c| base58(*c)),
		_ => false,
	}
}

#[cfg(test)]
mod tests {
	use super::is_cid;

	#[test]
	fn accepts_the_four_forms_and_refuses_the_rest() {
		assert!(is_cid(b"QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbdG"));
		assert!(is_cid(b"bafkreibzd7i342fzej6rqfz3ezjmcs6kjukcyydn7uhdgzxwqqs2noxos4"));
		assert!(is_cid(b"k51qzi5uqu5dlvj2baxnqndepeb86cbk3ng7n3i46uzyxzyqj2xjonzllnv0v8"));
		assert!(is_cid(b"zb2rhe5P4gXftAwvA4eXQ5HJwsER2owDyS9sKaQRRVQPn93bA"));
		assert!(!is_cid(b"QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbd")); // 45 bytes
		assert!(!is_cid(b"QmYwAPJzv5CZsnA625s3Xf2nemtYgPpHdWEz79ojWnPbd0")); // '0' is not base58
		assert!(!is_cid(b"bafkreiB")); // upper case
		assert!(!is_cid(b"bafkrei")); // 7 bytes
		assert!(!is_cid(b"xafkreibzd7i342fzej6rqfz3ezjmcs6k"));
		assert!(!is_cid(&[b'b'; 129]));
		assert!(is_cid(&[b'b'; 128]));
	}
}
