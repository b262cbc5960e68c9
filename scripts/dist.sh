# Sourced by build.sh: how dist/ is replaced without deleting anything build.sh did not write.
#
# build.sh writes a new dist/ into a fresh folder beside it, lists what it wrote in
# dist/$MANIFEST, and swaps it in. An existing folder is replaced only if it is empty or holds
# nothing but what a build wrote (so a web root, a project, or a dist/ someone added files to is
# refused, not deleted), and only those files are removed. Tested by tests/dist_replace.rs.

MANIFEST=.dossier-dist

# What a build wrote into folder $1: its manifest; for a dist/ from before manifests, the
# names such a build writes (the page, pkg/, index/*.dsr, dossier.html).
written_files() {
  if [ -f "$1/$MANIFEST" ]; then
    cat "$1/$MANIFEST"; echo "$MANIFEST"
  else
    (cd www && find . -type f -printf '%P\n')
    printf '%s\n' pkg/dossier.js pkg/dossier_bg.wasm pkg/dossier.d.ts dossier.html
    (cd "$1" && find . -path './index/*.dsr' -printf '%P\n')
  fi
}

# The files under folder $1 that no build.sh wrote.
foreign_files() {
  (cd "$1" && find . \( -type f -o -type l \) -printf '%P\n') | LC_ALL=C sort \
    | LC_ALL=C comm -23 - <(written_files "$1" | LC_ALL=C sort -u)
}

# Fails unless folder $1 is absent, empty, or one build.sh wrote and nobody added to.
check_out_replaceable() {
  local out=$1
  [ -e "$out" ] || return 0
  if [ ! -d "$out" ]; then
    echo "build.sh: --out $out exists and is not a folder; refusing to replace it" >&2
    exit 2
  fi
  local foreign
  foreign=$(foreign_files "$out")
  if [ -n "$foreign" ]; then
    echo "build.sh: --out $out holds files build.sh did not write; refusing to replace it" >&2
    echo "$foreign" | head -n 5 | sed 's/^/  /' >&2
    [ "$(echo "$foreign" | wc -l)" -le 5 ] || echo "  …" >&2
    echo "Choose an empty or new folder for --out (or move those files away)." >&2
    exit 2
  fi
}

# Lists every file of the finished folder $1 in its manifest.
write_manifest() {
  (cd "$1" && find . -type f -printf '%P\n' | LC_ALL=C sort > "$MANIFEST")
}

# Swaps the finished folder $1 in as $2, then removes the files the previous build wrote there.
swap_in() {
  local out=$2
  check_out_replaceable "$out"
  if [ -d "$out" ]; then
    local old
    old=$(mktemp -d "$(dirname "$out")/.$(basename "$out").old-XXXXXX")
    rmdir "$old"
    mv "$out" "$old"
    mv "$1" "$out"
    written_files "$old" | (cd "$old" && while IFS= read -r f; do rm -f -- "$f"; done)
    find "$old" -depth -type d -empty -delete
    [ ! -e "$old" ] || echo "build.sh: kept $old: it holds files that appeared during the build" >&2
  else
    mv "$1" "$out"
  fi
  chmod 755 "$out"
}

