//! Finding and opening input files by handle, never by ever-longer paths.
//!
//! A folder is opened relative to its parent's descriptor (`openat`), so a folder nested past
//! `PATH_MAX` is read like any other and the cost per folder does not grow with its depth.
//! Visited folders are told apart by the (device, inode) of their handle, so symbolic-link
//! loops are walked once. No descriptor is held per pending folder: every folder found is a
//! node of an arena (its parent node and its name), reopened through the chain of `openat`
//! from the nearest folder still in a small cache of open handles (or from the root).
//! Paths in reports are only for display: the root as given, joined with the names.
//!
//! Files are opened non-blocking (`O_NONBLOCK`, `O_CLOEXEC`, `O_NOCTTY`) and read only if the
//! opened handle is a regular file, so a FIFO, a socket or a device never hangs a build,
//! even if it replaced a file between the walk and the read.
//!
//! Symbolic links found inside a folder are followed only if their target is inside the
//! root folder being walked (checked by walking up the target's `..` handles to the root),
//! unless [`IngestOptions::follow_links`] allows any target. A file reached both directly and
//! through a link is read once, under its direct path.

use std::collections::HashSet;
use std::ffi::{CStr, CString, OsStr};
use std::fs::File;
use std::io;
use std::os::fd::OwnedFd;
use std::os::unix::ffi::OsStrExt;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use rustix::fs::{self as rfs, AtFlags, FileType, Mode, OFlags, Stat};

use super::{Format, IngestOptions, Step};

/// Flags to open a folder to list it or open entries relative to it.
const FOLDER: OFlags = OFlags::RDONLY.union(OFlags::DIRECTORY).union(OFlags::CLOEXEC);
/// Flags to open a folder only to walk up from it (`O_PATH` where there is one: no read
/// permission needed).
#[cfg(any(target_os = "linux", target_os = "android"))]
const UPWARD: OFlags = FOLDER.union(OFlags::PATH);
#[cfg(not(any(target_os = "linux", target_os = "android")))]
const UPWARD: OFlags = FOLDER;
/// Flags to open a file for reading: never blocks (a FIFO opens at once), never becomes the
/// controlling terminal.
const FILE: OFlags = OFlags::RDONLY.union(OFlags::NONBLOCK).union(OFlags::CLOEXEC).union(OFlags::NOCTTY);
/// Folder handles kept open between uses (least recently used first out).
const CACHED_FOLDERS: usize = 16;
/// Links followed in a chain before giving up (as the kernel's `ELOOP`).
const MAX_LINK_HOPS: usize = 40;
/// Levels walked up from a link's target looking for the root before giving up.
const MAX_UPWARD_LEVELS: usize = 1 << 20;

/// The (device, inode) of a file or folder: what tells two folders apart.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) struct Identity {
    device: u64,
    inode: u64,
}

impl Identity {
    // The field types differ between platforms (u64 on Linux, i32 / u64 on macOS).
    #[allow(clippy::unnecessary_cast)]
    fn of(stat: &Stat) -> Identity {
        Identity { device: stat.st_dev as u64, inode: stat.st_ino as u64 }
    }
}

/// The kind of file a `stat` describes.
fn kind(stat: &Stat) -> FileType {
    FileType::from_raw_mode(stat.st_mode)
}

/// The skip reason for something that is not a regular file: `not a regular file (a FIFO)`.
pub(super) fn not_regular(kind: FileType) -> String {
    let what = match kind {
        FileType::Fifo => "a FIFO",
        FileType::Socket => "a socket",
        FileType::CharacterDevice => "a character device",
        FileType::BlockDevice => "a block device",
        FileType::Directory => "a folder",
        FileType::Symlink => "a symbolic link",
        _ => "of an unknown kind",
    };
    format!("not a regular file ({what})")
}

/// An `io::Error` from a rustix error (same messages as `std`: `… (os error N)`).
fn os(error: rustix::io::Errno) -> io::Error {
    io::Error::from(error)
}

/// Where a supported file is, to open it when it is read.
pub(super) enum Source {
    /// Named directly by the user: opened by its path, links followed.
    Named,
    /// Found by a walk: the entry `name` in folder node `folder` of tree `tree`.
    Walked {
        tree: usize,
        folder: usize,
        name: CString,
        /// What the walk found there (checked again when the entry is a link).
        identity: Identity,
        /// The entry is a symbolic link (followed when opened).
        link: bool,
    },
}

/// One folder found by a walk.
struct Node {
    /// `None` for the root.
    parent: Option<usize>,
    /// Its name in the parent folder (empty for the root).
    name: CString,
    identity: Identity,
    /// The entry is a symbolic link (followed when opened, target checked by identity).
    link: bool,
    /// This folder or one above it (below the root) was reached through a link.
    via_link: bool,
}

/// One folder named by the user and every folder found under it.
struct Tree {
    root: PathBuf,
    nodes: Vec<Node>,
}

/// A supported file found by a walk.
struct Found {
    path: PathBuf,
    source: Source,
    identity: Identity,
    via_link: bool,
    format: Format,
    size: u64,
}

/// The walks of one ingest run, kept so that their files can be opened when they are read.
pub(super) struct Walker {
    follow_links: bool,
    trees: Vec<Tree>,
    /// Open folder handles: (tree, node, handle), most recently used last.
    cache: Vec<(usize, usize, Rc<OwnedFd>)>,
}

/// The state of one walk (one root).
struct Walk<'a> {
    tree: usize,
    root: Identity,
    visited: HashSet<Identity>,
    /// Folders to read: (node, display path).
    pending: Vec<(usize, PathBuf)>,
    /// Folders reached through links, read after all the others (so that a folder reached
    /// both ways is read under its direct path).
    deferred: Vec<(usize, PathBuf)>,
    found: Vec<Found>,
    steps: &'a mut Vec<Step>,
}

impl Walker {
    /// A walker with nothing walked yet.
    pub(super) fn new(options: &IngestOptions) -> Walker {
        Walker { follow_links: options.follow_links, trees: Vec::new(), cache: Vec::new() }
    }

    /// The steps for one path named directly by the user.
    pub(super) fn plan(&mut self, path: &Path, steps: &mut Vec<Step>) {
        let stat = match rfs::stat(path) {
            Ok(stat) => stat,
            Err(error) => {
                return steps.push(Step::Skip(path.to_path_buf(), format!("cannot read: {}", os(error))))
            }
        };
        match kind(&stat) {
            FileType::Directory => self.walk(path, steps),
            FileType::RegularFile => match Format::of(path) {
                Some(format) => steps.push(Step::File(super::Input {
                    path: path.to_path_buf(),
                    source: Source::Named,
                    format,
                    size: size(&stat),
                })),
                None => steps.push(Step::Skip(
                    path.to_path_buf(),
                    "unsupported file type (expected .txt, .md, .markdown, .html, .htm, .jsonl, .csv, .tsv, .rss, .atom, .xml, .docx or .pdf)"
                        .to_string(),
                )),
            },
            other => steps.push(Step::Skip(path.to_path_buf(), not_regular(other))),
        }
    }

    /// Steps for the supported, non-hidden files under `root`, sorted by the bytes of their
    /// paths, after those for what could not be read or was not followed (in the order met).
    fn walk(&mut self, root: &Path, steps: &mut Vec<Step>) {
        let opened = rfs::open(root, FOLDER, Mode::empty()).and_then(|fd| Ok((rfs::fstat(&fd)?, fd)));
        let (stat, fd) = match opened {
            Ok(opened) => opened,
            Err(error) => {
                return steps
                    .push(Step::Skip(root.to_path_buf(), format!("cannot read folder: {}", os(error))))
            }
        };
        let identity = Identity::of(&stat);
        let tree = self.trees.len();
        let node = Node { parent: None, name: CString::default(), identity, link: false, via_link: false };
        self.trees.push(Tree { root: root.to_path_buf(), nodes: vec![node] });
        self.remember(tree, 0, Rc::new(fd));
        let mut walk = Walk {
            tree,
            root: identity,
            visited: HashSet::from([identity]),
            pending: vec![(0, root.to_path_buf())],
            deferred: Vec::new(),
            found: Vec::new(),
            steps,
        };
        loop {
            let (node, path) = match walk.pending.pop() {
                Some(next) => next,
                None => match walk.deferred.pop() {
                    Some((node, path)) => {
                        if !walk.visited.insert(self.node(tree, node).identity) {
                            continue;
                        }
                        (node, path)
                    }
                    None => break,
                },
            };
            self.folder(&mut walk, node, &path);
        }
        let mut found = walk.found;
        found.sort_by(|a, b| a.path.as_os_str().as_bytes().cmp(b.path.as_os_str().as_bytes()));
        let direct: HashSet<Identity> = found.iter().filter(|f| !f.via_link).map(|f| f.identity).collect();
        let mut seen = HashSet::new();
        found.retain(|f| !f.via_link || (!direct.contains(&f.identity) && seen.insert(f.identity)));
        walk.steps.extend(found.into_iter().map(|f| {
            Step::File(super::Input { path: f.path, source: f.source, format: f.format, size: f.size })
        }));
    }

    fn node(&self, tree: usize, node: usize) -> &Node {
        // Nodes are only ever named by the walk that created them.
        &self.trees[tree].nodes[node]
    }

    /// Reads one folder's entries (sorted by name, so that what is met first is the same on
    /// every file system) and handles each.
    fn folder(&mut self, walk: &mut Walk, node: usize, path: &Path) {
        let skip = |walk: &mut Walk, reason: String| walk.steps.push(Step::Skip(path.to_path_buf(), reason));
        let dir = match self.open_folder(walk.tree, node) {
            Ok(dir) => dir,
            Err(error) => return skip(walk, format!("cannot read folder: {error}")),
        };
        let mut names = Vec::new();
        match rfs::Dir::read_from(&*dir) {
            Err(error) => return skip(walk, format!("cannot read folder: {}", os(error))),
            Ok(entries) => {
                for entry in entries {
                    match entry {
                        Ok(entry) => {
                            let name = entry.file_name();
                            if !name.to_bytes().starts_with(b".") {
                                names.push(name.to_owned());
                            }
                        }
                        Err(error) => {
                            skip(walk, format!("cannot read folder entry: {}", os(error)));
                            break;
                        }
                    }
                }
            }
        }
        names.sort();
        let via_link = self.node(walk.tree, node).via_link;
        for name in names {
            self.entry(walk, &dir, node, via_link, path, name);
        }
    }

    /// One entry of a folder.
    fn entry(
        &mut self,
        walk: &mut Walk,
        dir: &OwnedFd,
        folder: usize,
        via_link: bool,
        folder_path: &Path,
        name: CString,
    ) {
        let format = Format::of(Path::new(OsStr::from_bytes(name.to_bytes())));
        let path = || folder_path.join(OsStr::from_bytes(name.to_bytes()));
        let stat = match rfs::statat(dir, &name, AtFlags::SYMLINK_NOFOLLOW) {
            Ok(stat) => stat,
            Err(error) => {
                if format.is_some() {
                    walk.steps.push(Step::Skip(path(), format!("cannot read: {}", os(error))));
                }
                return;
            }
        };
        let identity = Identity::of(&stat);
        match kind(&stat) {
            FileType::Directory => {
                if walk.visited.insert(identity) {
                    let path = path();
                    let node = self.add_node(walk.tree, folder, name, identity, false, via_link);
                    walk.pending.push((node, path));
                }
            }
            FileType::RegularFile => match format {
                Some(format) => walk.found.push(Found {
                    path: path(),
                    source: Source::Walked { tree: walk.tree, folder, name, identity, link: false },
                    identity,
                    via_link,
                    format,
                    size: size(&stat),
                }),
                None => walk.steps.push(Step::Ignore(path())),
            },
            FileType::Symlink => {
                let path = path();
                self.link(walk, dir, folder, name, format, path);
            }
            other => {
                if format.is_some() {
                    walk.steps.push(Step::Skip(path(), not_regular(other)));
                }
            }
        }
    }

    /// A symbolic link found in a folder: followed if its target is inside the root (or
    /// links may be followed anywhere), else reported (if it names a folder or a supported
    /// file).
    fn link(
        &mut self,
        walk: &mut Walk,
        dir: &OwnedFd,
        folder: usize,
        name: CString,
        format: Option<Format>,
        path: PathBuf,
    ) {
        let (stat, target_folder) = match resolve(dir, &name) {
            Ok(resolved) => resolved,
            Err(error) => {
                if format.is_some() {
                    walk.steps.push(Step::Skip(path, format!("cannot read: {error}")));
                }
                return;
            }
        };
        let kind = kind(&stat);
        if kind != FileType::Directory && format.is_none() {
            if kind == FileType::RegularFile {
                walk.steps.push(Step::Ignore(path));
            }
            return;
        }
        if !self.follow_links {
            let not_followed = match inside(&target_folder, walk.root) {
                Ok(true) => None,
                Ok(false) => {
                    let target = rfs::readlinkat(dir, &name, Vec::new())
                        .map(|target| OsStr::from_bytes(target.as_bytes()).to_string_lossy().into_owned())
                        .unwrap_or_else(|_| "?".to_string());
                    Some(format!(
                        "symbolic link to outside the corpus folder: {target}; not followed (--follow-links to allow)"
                    ))
                }
                Err(error) => Some(format!(
                    "symbolic link whose target cannot be placed ({error}); not followed (--follow-links to allow)"
                )),
            };
            if let Some(reason) = not_followed {
                return walk.steps.push(Step::Skip(path, reason));
            }
        }
        let identity = Identity::of(&stat);
        match (kind, format) {
            (FileType::Directory, _) => {
                let node = self.add_node(walk.tree, folder, name, identity, true, true);
                walk.deferred.push((node, path));
            }
            (FileType::RegularFile, Some(format)) => walk.found.push(Found {
                path,
                source: Source::Walked { tree: walk.tree, folder, name, identity, link: true },
                identity,
                via_link: true,
                format,
                size: size(&stat),
            }),
            (other, _) => walk.steps.push(Step::Skip(path, not_regular(other))),
        }
    }

    fn add_node(
        &mut self,
        tree: usize,
        parent: usize,
        name: CString,
        identity: Identity,
        link: bool,
        via_link: bool,
    ) -> usize {
        let nodes = &mut self.trees[tree].nodes;
        nodes.push(Node { parent: Some(parent), name, identity, link, via_link });
        nodes.len() - 1
    }

    /// Keeps a folder handle for reuse, dropping the least recently used one if full.
    fn remember(&mut self, tree: usize, node: usize, fd: Rc<OwnedFd>) {
        if self.cache.len() >= CACHED_FOLDERS {
            self.cache.remove(0);
        }
        self.cache.push((tree, node, fd));
    }

    /// A cached handle, marked as just used.
    fn cached(&mut self, tree: usize, node: usize) -> Option<Rc<OwnedFd>> {
        let at = self.cache.iter().position(|&(t, n, _)| (t, n) == (tree, node))?;
        let entry = self.cache.remove(at);
        let fd = Rc::clone(&entry.2);
        self.cache.push(entry);
        Some(fd)
    }

    /// Opens folder `node` of `tree`: from the nearest cached folder above it (or the root,
    /// by its path), one `openat` per level, each checked to be the folder the walk found.
    fn open_folder(&mut self, tree: usize, node: usize) -> io::Result<Rc<OwnedFd>> {
        let mut chain = Vec::new();
        let mut at = node;
        let mut fd = loop {
            if let Some(fd) = self.cached(tree, at) {
                break fd;
            }
            match self.node(tree, at).parent {
                Some(parent) => {
                    chain.push(at);
                    at = parent;
                }
                None => {
                    let root = &self.trees[tree].root;
                    let fd = rfs::open(root, FOLDER, Mode::empty()).map_err(os)?;
                    check_identity(&fd, self.node(tree, 0).identity)?;
                    let fd = Rc::new(fd);
                    self.remember(tree, 0, Rc::clone(&fd));
                    break fd;
                }
            }
        };
        for &child in chain.iter().rev() {
            let node = self.node(tree, child);
            let flags = if node.link { FOLDER } else { FOLDER | OFlags::NOFOLLOW };
            let opened = rfs::openat(&*fd, &node.name, flags, Mode::empty()).map_err(os)?;
            check_identity(&opened, node.identity)?;
            fd = Rc::new(opened);
            self.remember(tree, child, Rc::clone(&fd));
        }
        Ok(fd)
    }

    /// Opens a supported file for reading: `Ok` only for a regular file (checked on the
    /// opened handle), with its size; `Err` holds the skip reason.
    pub(super) fn open_file(&mut self, path: &Path, source: &Source) -> Result<(File, u64), String> {
        let cannot = |error: io::Error| format!("cannot read file: {error}");
        let fd = match source {
            Source::Named => return open_regular(path),
            Source::Walked { tree, folder, name, link, .. } => {
                let dir = self
                    .open_folder(*tree, *folder)
                    .map_err(|error| format!("cannot read folder: {error}"))?;
                let flags = if *link { FILE } else { FILE | OFlags::NOFOLLOW };
                rfs::openat(&*dir, name, flags, Mode::empty()).map_err(|error| cannot(os(error)))?
            }
        };
        let stat = rfs::fstat(&fd).map_err(|error| cannot(os(error)))?;
        if kind(&stat) != FileType::RegularFile {
            return Err(not_regular(kind(&stat)));
        }
        if let Source::Walked { identity, link: true, .. } = source {
            if Identity::of(&stat) != *identity {
                return Err("symbolic link changed since its folder was read; not followed".to_string());
            }
        }
        Ok((File::from(fd), size(&stat)))
    }
}

/// Opens the file at `path` for reading, without blocking (a FIFO opens at once), and checks
/// on the opened handle that it is a regular file: `Ok` with its size, else `Err` with the
/// reason (`not a regular file (a FIFO)`, `cannot read file: …`). Checking the handle, not
/// the path, means a file swapped for a FIFO after any earlier look is still refused.
pub fn open_regular(path: &Path) -> Result<(File, u64), String> {
    let cannot = |error: io::Error| format!("cannot read file: {error}");
    let fd = rfs::open(path, FILE, Mode::empty()).map_err(|error| cannot(os(error)))?;
    let stat = rfs::fstat(&fd).map_err(|error| cannot(os(error)))?;
    if kind(&stat) != FileType::RegularFile {
        return Err(not_regular(kind(&stat)));
    }
    Ok((File::from(fd), size(&stat)))
}

/// A file's size from its `stat` (never negative).
fn size(stat: &Stat) -> u64 {
    u64::try_from(stat.st_size).unwrap_or(0)
}

/// `Err` unless the handle is the folder the walk found.
fn check_identity(fd: &OwnedFd, expected: Identity) -> io::Result<()> {
    let stat = rfs::fstat(fd).map_err(os)?;
    if Identity::of(&stat) == expected {
        Ok(())
    } else {
        Err(io::Error::other("the folder was replaced during the build"))
    }
}

/// Follows the link `name` in `dir`: the `stat` of its final target and a handle on the
/// folder that decides where it is (the target itself if it is a folder, else the folder
/// holding it, found by following the chain of links one at a time).
fn resolve(dir: &OwnedFd, name: &CStr) -> io::Result<(Stat, OwnedFd)> {
    let stat = rfs::statat(dir, name, AtFlags::empty()).map_err(os)?;
    let target = Identity::of(&stat);
    if kind(&stat) == FileType::Directory {
        let fd = rfs::openat(dir, name, UPWARD, Mode::empty()).map_err(os)?;
        check_identity(&fd, target)?;
        return Ok((stat, fd));
    }
    let mut folder = rfs::openat(dir, c".", UPWARD, Mode::empty()).map_err(os)?;
    let mut name = name.to_owned();
    for _ in 0..MAX_LINK_HOPS {
        let here = rfs::statat(&folder, &name, AtFlags::SYMLINK_NOFOLLOW).map_err(os)?;
        if kind(&here) != FileType::Symlink {
            if Identity::of(&here) != target {
                return Err(io::Error::other("the link changed while it was followed"));
            }
            return Ok((stat, folder));
        }
        let link = rfs::readlinkat(&folder, &name, Vec::new()).map_err(os)?;
        let bytes = link.as_bytes();
        let (head, tail) = match bytes.iter().rposition(|&byte| byte == b'/') {
            Some(0) => (&b"/"[..], bytes.get(1..).unwrap_or_default()),
            Some(slash) => {
                (bytes.get(..slash).unwrap_or_default(), bytes.get(slash + 1..).unwrap_or_default())
            }
            None => (&b""[..], bytes),
        };
        if !head.is_empty() {
            folder = rfs::openat(&folder, head, UPWARD, Mode::empty()).map_err(os)?;
        }
        name = CString::new(tail).map_err(io::Error::other)?;
    }
    Err(os(rustix::io::Errno::LOOP))
}

/// Whether `folder` is the folder `root` or inside it, walking up its `..` handles.
fn inside(folder: &OwnedFd, root: Identity) -> io::Result<bool> {
    let mut here = Identity::of(&rfs::fstat(folder).map_err(os)?);
    let mut current = rfs::openat(folder, c".", UPWARD, Mode::empty()).map_err(os)?;
    for _ in 0..MAX_UPWARD_LEVELS {
        if here == root {
            return Ok(true);
        }
        let parent = rfs::openat(&current, c"..", UPWARD, Mode::empty()).map_err(os)?;
        let up = Identity::of(&rfs::fstat(&parent).map_err(os)?);
        if up == here {
            return Ok(false);
        }
        (current, here) = (parent, up);
    }
    Ok(false)
}
