#!/usr/bin/env bash
# Writes a large dnscache log for throughput runs by repeating the bundled real sample with its
# query serials shifted, so that every copy is a distinct set of queries. Never committed.
# Usage: bench/dnscache/make-big-log.sh [LINES] [OUT]   (default 2000000, /tmp/logsentry-bench/dnscache-big.log)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
lines=${1:-2000000}
out=${2:-/tmp/logsentry-bench/dnscache-big.log}
sample=$here/../../src/main/resources/dev/logsentry/samples/dnscache/current
mkdir -p "$(dirname "$out")"
perl -e '
  my ($want, $file) = @ARGV;
  open(my $in, "<", $file) or die "$file: $!";
  my @buf = <$in>;
  my ($n, $copy) = (0, 0);
  while ($n < $want) {
    for my $line (@buf) {
      last if $n >= $want;
      next if $copy > 0 && $line =~ / starting$/;
      my $l = $line;
      $l =~ s/^(\S+ (?:query|sent|drop) )(\d+)/$1 . ($2 + $copy * 1000)/e;
      print $l; $n++;
    }
    $copy++;
  }' "$lines" "$sample" >"$out"
echo "$out: $(wc -l <"$out") lines, $(stat -c %s "$out") bytes"
