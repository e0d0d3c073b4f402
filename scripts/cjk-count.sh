#!/usr/bin/env bash
# CJK characters in the workspace's .rs files outside tests (issue 23, item 4: text lives in data and content/,
# not in Rust). Counts ideographs and CJK/full-width punctuation in each file up to its first `#[cfg(test)]`,
# skipping target/, tests/ folders and node_modules. Usage: scripts/cjk-count.sh [LIMIT]
# Prints the files with the most, then the total; with LIMIT, exits 1 when the total is above it.
set -euo pipefail
cd "$(dirname "$0")/.."
find . -name '*.rs' -not -path './target/*' -not -path '*/tests/*' -not -path '*/node_modules/*' \
  -not -path './.tools/*' -print0 |
  xargs -0 perl -CSD -e '
    my ($total, %per) = (0);
    for my $f (@ARGV) {
      open(my $fh, "<:encoding(UTF-8)", $f) or die "$f: $!";
      local $/; my $s = <$fh>; close $fh;
      $s =~ s/#\[cfg\(test\)\].*//s;
      my $n = () = $s =~ /[\x{3000}-\x{303f}\x{4e00}-\x{9fff}\x{ff00}-\x{ffef}]/g;
      if ($n) { $per{$f} = $n; $total += $n; }
    }
    my @top = (sort { $per{$b} <=> $per{$a} } keys %per)[0 .. 9];
    printf "%6d %s\n", $per{$_}, $_ for grep { defined } @top;
    print "total $total\n";
  ' | tee /tmp/cjk-count.$$
total=$(awk '/^total/ {print $2}' /tmp/cjk-count.$$); rm -f /tmp/cjk-count.$$
if [ -n "${1:-}" ] && [ "$total" -gt "$1" ]; then
  echo "over the limit of $1" >&2
  exit 1
fi
