#!/usr/bin/env bash
# Runs Leitwarte's whole test suite on a Debian or Ubuntu machine: installs what the tests need
# (JDK, Maven, InfluxDB, net-snmp, snmpsim, fping, nftables, Chromium and its driver, chrony,
# libfaketime, vsftpd, openssl), makes sure PostgreSQL answers on 127.0.0.1:5432, then runs
# `mvn -B verify`. Test daemons (influxd, snmpd, snmpsimd, chronyd, vsftpd) are started by the tests
# themselves on loopback, in temporary directories, and stopped afterwards.
set -euo pipefail
cd "$(dirname "$0")/../../.."

. src/sh/debian.sh
install_missing java:default-jdk-headless mvn:maven influxd:influxdb influx:influxdb-client \
  snmpd:snmpd snmpget:snmp snmpsimd:snmpsim fping:fping nft:nftables pg_ctlcluster:postgresql \
  chromium:chromium chromedriver:chromium-driver \
  /usr/sbin/chronyd:chrony faketime:faketime /usr/sbin/vsftpd:vsftpd openssl:openssl
# The service check tests run chronyd (with -x: it never sets the clock) and vsftpd themselves. On a
# systemd host the chrony package replaces systemd-timesyncd as the time service, which is fine; but
# Debian's vsftpd package would serve FTP on port 21 of every address, so its service is switched off.
if [ -d /run/systemd/system ] && systemctl is-enabled --quiet vsftpd 2>/dev/null; then
  as_root systemctl disable --now vsftpd
fi

pg_ready() {
  (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
}
if ! pg_ready; then
  version=$(ls /etc/postgresql | sort -V | tail -1)
  hba=/etc/postgresql/$version/main/pg_hba.conf
  # A freshly installed cluster asks for passwords over TCP; the tests use trust on loopback only.
  if ! as_root grep -Eq '^host[[:space:]]+all[[:space:]]+all[[:space:]]+127.0.0.1/32[[:space:]]+trust' "$hba"; then
    as_root sed -i '1i host all all 127.0.0.1/32 trust' "$hba"
  fi
  as_root pg_ctlcluster --skip-systemctl-redirect "$version" main start
  for _ in $(seq 1 50); do pg_ready && break; sleep 0.2; done
  pg_ready || { echo "PostgreSQL did not start on 127.0.0.1:5432" >&2; exit 1; }
fi

mvn -B verify "$@"
# The shipped alert rules' own tests, the way an administrator runs them (JUnit ran them too).
java -jar target/leitwarte.jar test-rules alert-rules/tests
