//! Genesis: the built-in deployment types (ids 0..3) and the `providers.deploymentTypes` section.

use alloc::{string::String, vec::Vec};

/// The built-in types with the CIDv1 (raw, sha2-256, base32) of their JSON Schemas, as
/// `BUILTIN_TYPES` of @dinfra/runtime computes them (the vectors' genesis storage checks them).
pub const BUILTIN_TYPES: [(&str, &str); 4] = [
	("substrate-node", "bafkreibzd7i342fzej6rqfz3ezjmcs6kjukcyydn7uhdgzxwqqs2noxos4"),
	("rpc-endpoint", "bafkreid4gq4cyhamnkxs5tvurkjrods7twyxelq7en5uithl6ub5hfynze"),
	("snapshot-source", "bafkreiamkanozur53cwo2v7vgp4x3g3grl2crhafxnaamrqgjmduc723ci"),
	("cloud-init", "bafkreih2mxra3f5ag36vv5br6dqm65gavhlfldkq3r5avi6hqtgws3e3ru"),
];

/// A deployment type of the genesis section: `name` and `schemaCid`, each a UTF-8 string or
/// 0x-prefixed hex bytes (as the TypeScript runtime reads them).
#[derive(Clone, PartialEq, Eq, Debug, frame_support::Serialize, frame_support::Deserialize)]
#[serde(crate = "frame_support::__private::serde", rename_all = "camelCase", deny_unknown_fields)]
pub struct GenesisType {
	pub name: String,
	pub schema_cid: String,
}

/// The bytes of a genesis string: 0x-hex decoded, else its UTF-8 bytes.
pub fn bytes_of(s: &str) -> Vec<u8> {
	let hex = |c: u8| match c {
		b'0'..=b'9' => Some(c - b'0'),
		b'a'..=b'f' => Some(c - b'a' + 10),
		b'A'..=b'F' => Some(c - b'A' + 10),
		_ => None,
	};
	if let Some(body) = s.strip_prefix("0x") {
		let b = body.as_bytes();
		if b.len() % 2 == 0 {
			let decoded: Option<Vec<u8>> =
				b.chunks(2).map(|p| Some(hex(p[0])? * 16 + hex(p[1])?)).collect();
			if let Some(d) = decoded {
				return d;
			}
		}
	}
	s.as_bytes().to_vec()
}
