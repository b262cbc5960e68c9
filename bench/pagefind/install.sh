# Sourced by the benchmark scripts: installs Pagefind $PAGEFIND_VERSION into bench/out/pagefind-npm/.
# Pagefind lives outside package.json: its lock entries for other platforms' binaries cannot
# be resolved from this machine's registry, which would break `npm ci` for every build.
PAGEFIND_VERSION=1.6.0
if [ "$(node -p "require('./bench/out/pagefind-npm/node_modules/pagefind/package.json').version" 2>/dev/null)" != "$PAGEFIND_VERSION" ]; then
  printf '\033[1m==> %s\033[0m\n' "installing pagefind $PAGEFIND_VERSION into bench/out/pagefind-npm/" >&2
  mkdir -p bench/out/pagefind-npm
  npm install --prefix bench/out/pagefind-npm --no-save --no-package-lock --no-audit --no-fund --loglevel=error \
    "pagefind@$PAGEFIND_VERSION"
fi
