//! Bytes in parts, some shared (`Parts`): what the package zip and the ready PDFs are made of,
//! so that neither holds a second copy of the photos the drafts already hold.

use std::sync::Arc;

/// A file's bytes in order, in parts: what its writer wrote itself is its own; large pieces
/// given to it as an `Arc` (a package's photos) are shared, not copied, so a package or a ready
/// PDF is not a second copy of the photos in memory. The browser makes one `Blob` of the parts;
/// the command-line tool writes them one after the other. (`zipw::Zip` is one.)
#[derive(Clone, Debug, Default)]
pub struct Parts {
    pub(crate) parts: Vec<Part>,
}

#[derive(Clone, Debug)]
pub(crate) enum Part {
    Own(Vec<u8>),
    Shared(Arc<Vec<u8>>),
}

impl From<Vec<u8>> for Parts {
    fn from(v: Vec<u8>) -> Parts {
        Parts {
            parts: vec![Part::Own(v)],
        }
    }
}

impl Parts {
    /// Bytes shared as they are (a file offered unchanged).
    pub fn shared(v: Arc<Vec<u8>>) -> Parts {
        Parts {
            parts: vec![Part::Shared(v)],
        }
    }

    /// The bytes, part by part, in order.
    pub fn parts(&self) -> impl Iterator<Item = &[u8]> {
        self.parts.iter().map(|p| match p {
            Part::Own(v) => v.as_slice(),
            Part::Shared(v) => v.as_slice(),
        })
    }

    pub fn len(&self) -> usize {
        self.parts().map(<[u8]>::len).sum()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Writes the bytes to `w`, part by part.
    pub fn write_to(&self, w: &mut impl std::io::Write) -> std::io::Result<()> {
        for p in self.parts() {
            w.write_all(p)?;
        }
        w.flush()
    }

    /// All the bytes in one buffer (a copy: for readers of a `&[u8]` and tests).
    pub fn to_vec(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(self.len());
        for p in self.parts() {
            out.extend_from_slice(p);
        }
        out
    }
}

impl Eq for Parts {}

/// The same bytes, however they are cut into parts.
impl PartialEq for Parts {
    fn eq(&self, other: &Parts) -> bool {
        self.len() == other.len() && self.to_vec() == other.to_vec()
    }
}
