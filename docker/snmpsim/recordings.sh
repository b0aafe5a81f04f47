#!/bin/sh
# Writes the simulated devices' recordings: recordings.sh SOURCE_DIR TARGET_DIR
# SOURCE_DIR is snmpsim's examples/data; only uncompressed .snmprec files are served, the file name is
# the community. The switch's octet counters (ifHCInOctets/ifHCOutOctets, ifInOctets/ifOutOctets)
# grow by 12.5 to 125 kB/s per interface. Used by this image and by src/demo/run-demo.sh.
set -eu
source_dir=$1
target_dir=$2
mkdir -p "$target_dir"
zcat "$source_dir/cisco_16_switch.snmprec.gz" | awk -F'|' -v OFS='|' '
  $1 ~ /^1\.3\.6\.1\.2\.1\.31\.1\.1\.1\.(6|10)\./ && $2 == "70" {
    n = split($1, parts, "."); rate = (parts[n] % 10 + 1) * 12500
    print $1, "70:numeric", "rate=" rate ",initial=" $3; next }
  $1 ~ /^1\.3\.6\.1\.2\.1\.2\.2\.1\.(10|16)\./ && $2 == "65" {
    n = split($1, parts, "."); rate = (parts[n] % 10 + 1) * 12500
    print $1, "65:numeric", "rate=" rate ",initial=" $3 ",wrap=1"; next }
  { print }' > "$target_dir/public.snmprec"
zcat "$source_dir/recorded/linux-full-walk.snmprec.gz" > "$target_dir/linux.snmprec"
test -s "$target_dir/public.snmprec"
test -s "$target_dir/linux.snmprec"
