//! The input list of a batch, held compactly.
//!
//! A batch plans every input before it converts one (all output paths are checked
//! first, and a `--shard` share is taken from the whole corpus), so its list lives for
//! the whole run. As a `Vec<Input>` each input cost a 32-byte entry and an allocation
//! of its path: about 110 bytes a file, 11 MB at 100 000 inputs, the one thing in a
//! batch that grew with its size. Here the paths are front-coded, as `locate` keeps
//! its database: each stores only where it differs from the path before it, which in
//! a directory walk (sorted by name) is mostly the end of a file name. Every
//! [`RESTART`]th entry is whole, so any entry is decoded from at most that many.

use super::{Input, Rel};
use std::path::Path;

/// Entries per stretch that starts with a whole path.
const RESTART: usize = 16;

/// Inputs in order, each decoded to an [`Input`] when asked for.
#[derive(Clone, Default)]
pub struct Inputs {
    /// The entries, one after another (see [`Inputs::push`] for the layout).
    bytes: Vec<u8>,
    /// Where entry `k * RESTART` starts in `bytes`.
    restarts: Vec<usize>,
    len: usize,
    /// The path of the last entry pushed, which the next is coded against.
    last: Vec<u8>,
}

/// Entry kinds: the first byte of an entry.
const STDIN: u8 = 0;
const TAIL: u8 = 1;
const OWN: u8 = 2;

impl Inputs {
    pub fn new() -> Inputs {
        Inputs::default()
    }

    pub fn len(&self) -> usize {
        self.len
    }

    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Appends an input. An entry is its kind; for a file, the number of bytes its path
    /// shares with the path before it (none at a restart), the length and bytes of the
    /// rest, then the count of leading components its relative path skips, or that
    /// path itself.
    pub fn push(&mut self, input: &Input) {
        if self.len.is_multiple_of(RESTART) {
            self.restarts.push(self.bytes.len());
            self.last.clear();
        }
        self.len += 1;
        let Some(path) = input.path.as_deref() else {
            self.bytes.push(STDIN);
            return;
        };
        let path = path.as_os_str().as_encoded_bytes();
        self.bytes.push(match input.rel {
            Rel::Tail(_) => TAIL,
            Rel::Own(_) => OWN,
        });
        let shared = self
            .last
            .iter()
            .zip(path)
            .take_while(|(a, b)| a == b)
            .count();
        put(&mut self.bytes, shared);
        put(&mut self.bytes, path.len() - shared);
        self.bytes.extend_from_slice(&path[shared..]);
        self.last.truncate(shared);
        self.last.extend_from_slice(&path[shared..]);
        match &input.rel {
            Rel::Tail(n) => put(&mut self.bytes, *n as usize),
            Rel::Own(rel) => {
                let rel = rel.as_os_str().as_encoded_bytes();
                put(&mut self.bytes, rel.len());
                self.bytes.extend_from_slice(rel);
            }
        }
    }

    /// The input at `index`.
    ///
    /// # Panics
    /// When `index` is not below [`Inputs::len`].
    pub fn get(&self, index: usize) -> Input {
        assert!(index < self.len, "input {index} of {}", self.len);
        let mut cursor = Cursor {
            list: self,
            at: self.restarts[index / RESTART],
            next: index - index % RESTART,
            path: Vec::new(),
        };
        loop {
            let input = cursor.next().expect("an entry below len");
            if cursor.next == index + 1 {
                return input;
            }
        }
    }

    /// The inputs in order.
    pub fn iter(&self) -> impl Iterator<Item = Input> + '_ {
        Cursor {
            list: self,
            at: 0,
            next: 0,
            path: Vec::new(),
        }
    }
}

impl FromIterator<Input> for Inputs {
    fn from_iter<T: IntoIterator<Item = Input>>(iter: T) -> Inputs {
        let mut list = Inputs::new();
        list.extend(iter);
        list
    }
}

impl Extend<Input> for Inputs {
    fn extend<T: IntoIterator<Item = Input>>(&mut self, iter: T) {
        for input in iter {
            self.push(&input);
        }
    }
}

impl std::fmt::Debug for Inputs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

/// Decodes entries in order from `at`, entry number `next`.
struct Cursor<'a> {
    list: &'a Inputs,
    at: usize,
    next: usize,
    /// The path of the entry before, which the next one is coded against.
    path: Vec<u8>,
}

impl Iterator for Cursor<'_> {
    type Item = Input;

    fn next(&mut self) -> Option<Input> {
        if self.next >= self.list.len {
            return None;
        }
        if self.next.is_multiple_of(RESTART) {
            self.path.clear();
        }
        self.next += 1;
        let bytes = &self.list.bytes;
        let kind = bytes[self.at];
        self.at += 1;
        if kind == STDIN {
            return Some(Input::stdin());
        }
        let shared = take(bytes, &mut self.at);
        let rest = take(bytes, &mut self.at);
        self.path.truncate(shared);
        self.path.extend_from_slice(&bytes[self.at..self.at + rest]);
        self.at += rest;
        let rel = if kind == TAIL {
            Rel::Tail(take(bytes, &mut self.at) as u32)
        } else {
            let n = take(bytes, &mut self.at);
            let rel = path_of(&bytes[self.at..self.at + n]);
            self.at += n;
            Rel::Own(rel.into())
        };
        Some(Input {
            path: Some(path_of(&self.path).into()),
            rel,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let left = self.list.len - self.next;
        (left, Some(left))
    }
}

/// A path from the bytes [`Inputs::push`] took from one.
fn path_of(bytes: &[u8]) -> &Path {
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt;
        Path::new(std::ffi::OsStr::from_bytes(bytes))
    }
    #[cfg(not(unix))]
    {
        // SAFETY: `bytes` are exactly the encoded bytes of a path `push` was given: a
        // path's bytes are stored as a prefix of the path before it (itself such bytes)
        // and the rest of its own, and put back together in the same order.
        Path::new(unsafe { std::ffi::OsStr::from_encoded_bytes_unchecked(bytes) })
    }
}

/// Appends `n` as a LEB128 varint.
fn put(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// Reads a varint [`put`] wrote at `*at`, moving past it.
fn take(bytes: &[u8], at: &mut usize) -> usize {
    let mut n = 0usize;
    let mut shift = 0;
    loop {
        let b = bytes[*at];
        *at += 1;
        n |= usize::from(b & 0x7f) << shift;
        if b < 0x80 {
            return n;
        }
        shift += 7;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn sample() -> Vec<Input> {
        let mut inputs = vec![Input::stdin()];
        for dir in ["corpus/a", "corpus/a/b", "corpus/ä", "other"] {
            for name in [
                "x.txt",
                "x1.txt",
                "x10.txt",
                "y.md",
                "ünï.txt",
                ".hidden.txt",
            ] {
                let path = PathBuf::from(format!("{dir}/{name}"));
                inputs.push(Input::new(
                    path.clone(),
                    path.strip_prefix("corpus").unwrap_or(&path),
                ));
            }
        }
        // A relative path that is not a tail of the given one, and a long one.
        inputs.push(Input::new(
            PathBuf::from("./a/./b.txt"),
            Path::new("a/b.txt"),
        ));
        inputs.push(Input::new(PathBuf::from("/abs/y.txt"), Path::new("y.txt")));
        let long = "d/".repeat(300) + "z.txt";
        inputs.push(Input::new(PathBuf::from(&long), Path::new(&long)));
        inputs.push(Input::stdin());
        inputs
    }

    #[test]
    fn every_input_comes_back_as_it_went_in() {
        let inputs = sample();
        let list: Inputs = inputs.iter().cloned().collect();
        assert_eq!(list.len(), inputs.len());
        assert_eq!(list.iter().collect::<Vec<_>>(), inputs);
        for (i, input) in inputs.iter().enumerate() {
            let got = list.get(i);
            assert_eq!(&got, input, "{i}");
            assert_eq!(got.rel(), input.rel(), "{i}");
            assert_eq!(got.name(), input.name(), "{i}");
        }
    }

    #[test]
    fn a_walk_costs_a_few_bytes_an_input() {
        let inputs: Vec<Input> = (0..1000)
            .map(|i| {
                let path = PathBuf::from(format!(
                    "/archive/2024/interviews/d{:02}/interview-{i:05}.txt",
                    i / 100
                ));
                Input::new(
                    path,
                    Path::new(&format!("d{:02}/interview-{i:05}.txt", i / 100)),
                )
            })
            .collect();
        let list: Inputs = inputs.iter().cloned().collect();
        assert_eq!(list.iter().collect::<Vec<_>>(), inputs);
        // 51-byte paths; about 10 bytes each between restarts.
        assert!(list.bytes.len() < 16 * 1000, "{}", list.bytes.len());
    }

    #[test]
    #[should_panic(expected = "input 3 of 3")]
    fn asking_past_the_end_panics() {
        let list: Inputs = sample().into_iter().take(3).collect();
        list.get(3);
    }
}
