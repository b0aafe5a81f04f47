#!/usr/bin/env bash
# Starts Leitwarte on a demo setup on this machine, everything on loopback:
#   InfluxDB 1.x on 127.0.0.1:18086, net-snmp's snmpd on 127.0.0.1:16100 (v2c and v3 authPriv),
#   snmpsim on 127.0.0.2:1161 and 127.0.0.3:1161 playing back a Cisco switch and a Linux host,
#   and Leitwarte on http://127.0.0.1:8080 polling them every 10 s.
# Installs what is missing (Debian/Ubuntu), builds the jar when needed, runs in the foreground;
# Ctrl-C stops Leitwarte and the demo daemons. State lives in $LEITWARTE_DEMO_DIR
# (default /tmp/leitwarte-demo).
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
demo=${LEITWARTE_DEMO_DIR:-/tmp/leitwarte-demo}

. "$repo/src/sh/debian.sh"
install_missing java:default-jdk-headless mvn:maven influxd:influxdb influx:influxdb-client \
  snmpd:snmpd snmpget:snmp snmpsimd:snmpsim fping:fping curl:curl \
  /usr/lib/python3/dist-packages/aiosmtpd/__main__.py:python3-aiosmtpd

jar=$repo/target/leitwarte.jar
if [ ! -f "$jar" ] || [ -n "$(find "$repo/src/main" "$repo/pom.xml" -newer "$jar" -print -quit)" ]; then
  echo "Building Leitwarte …"
  (cd "$repo" && mvn -B -q -DskipTests package)
fi

mkdir -p "$demo"/{influxdb,snmpd/persist,snmpsim/data,snmpsim/cache,data}
pids=()
leitwarte=
cleanup() {
  # Leitwarte first, so its last lines still reach InfluxDB (or its spool); then the daemons.
  if [ -n "$leitwarte" ]; then kill "$leitwarte" 2>/dev/null || true; wait "$leitwarte" 2>/dev/null || true; fi
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# InfluxDB
cat > "$demo/influxdb/influxdb.conf" <<CONF
reporting-disabled = true
bind-address = "127.0.0.1:18088"
[meta]
  dir = "$demo/influxdb/meta"
[data]
  dir = "$demo/influxdb/data"
  wal-dir = "$demo/influxdb/wal"
  query-log-enabled = false
[monitor]
  store-enabled = false
[http]
  bind-address = "127.0.0.1:18086"
  log-enabled = false
[logging]
  level = "warn"
CONF
setsid influxd run -config "$demo/influxdb/influxdb.conf" >"$demo/influxdb/influxd.log" 2>&1 &
pids+=($!)

# net-snmp agent: v2c community "demo", v3 user monuser (SHA-256/AES-256)
export WR_AUTH=${WR_AUTH:-demo-auth-pass} WR_PRIV=${WR_PRIV:-demo-priv-pass}
cat > "$demo/snmpd/snmpd.conf" <<CONF
agentAddress udp:127.0.0.1:16100
rocommunity demo 127.0.0.1
rouser monuser priv
sysName leitwarte-demo-server
sysLocation Rathaus Wernigerode, Serverraum
dontLogTCPWrappersConnects yes
CONF
echo 'mibs :' > "$demo/snmpd/snmp.conf"
chmod 700 "$demo/snmpd/persist"
grep -q monuser "$demo/snmpd/persist/snmpd.conf" 2>/dev/null ||
  echo "createUser monuser SHA-256 \"$WR_AUTH\" AES-256 \"$WR_PRIV\"" >> "$demo/snmpd/persist/snmpd.conf"
SNMPCONFPATH="$demo/snmpd:$demo/snmpd/persist" SNMP_PERSISTENT_DIR="$demo/snmpd/persist" \
  setsid snmpd -f -Lf "$demo/snmpd/snmpd.log" -I -smux </dev/null &
pids+=($!)

# snmpsim: the Cisco C3750 recording (community "public") with traffic counters that grow, and a
# Linux host (community "linux"), written as the compose stack's snmpsim image writes them.
sh "$repo/docker/snmpsim/recordings.sh" /usr/share/doc/snmpsim/examples/data "$demo/snmpsim/data"
simuser=()
if [ "$(id -u)" -eq 0 ]; then
  chown -R nobody:nogroup "$demo/snmpsim"
  chmod o+rx "$demo"
  simuser=(--process-user=nobody --process-group=nogroup)
fi
setsid snmpsimd --data-dir="$demo/snmpsim/data" --cache-dir="$demo/snmpsim/cache" \
  --agent-udpv4-endpoint=127.0.0.2:1161 --agent-udpv4-endpoint=127.0.0.3:1161 \
  "${simuser[@]}" --logging-method=file:"$demo/snmpsim/snmpsim.log" &
pids+=($!)

for _ in $(seq 1 100); do
  curl -fs -o /dev/null http://127.0.0.1:18086/ping && break
  sleep 0.1
done

# A mail sink for the notifications: prints every message it receives into mail.log.
setsid /usr/bin/python3 -m aiosmtpd -n -l 127.0.0.1:2525 >"$demo/mail.log" 2>&1 &
pids+=($!)

# The shipped rules and routing tree, with the demo's on-call directory (mail addresses only).
rm -rf "$demo/rules" && mkdir -p "$demo/rules"
for file in "$repo"/alert-rules/*.yaml; do
  [ "$(basename "$file")" = oncall.yaml ] || ln -s "$file" "$demo/rules/"
done
cp "$repo/src/demo/oncall.yaml" "$demo/rules/"
cp "$repo/src/demo/leitwarte.yaml" "$repo/src/demo/inventory.yaml" "$demo/"
echo "rules: rules" >> "$demo/leitwarte.yaml"

# An administrator for the demo (sign in at http://127.0.0.1:8080/login) and an API token for the CLI,
# made once, before the service opens the store.
if [ ! -f "$demo/token" ]; then
  echo "demo-admin-passwort" | java -jar "$jar" user add --config "$demo/leitwarte.yaml" \
    --name admin --role admin --password-stdin >/dev/null
  java -jar "$jar" token create --config "$demo/leitwarte.yaml" --user admin --name demo-cli >"$demo/token" 2>/dev/null
fi
cat <<INFO

Leitwarte demo in $demo
  (the commands below read the demo inventory, which takes the v3 passwords from the environment:
   export WR_AUTH=$WR_AUTH WR_PRIV=$WR_PRIV)
  health:   curl -s http://127.0.0.1:8080/health
  metrics:  curl -s http://127.0.0.1:8080/metrics
  history:  influx -port 18086 -database leitwarte -execute 'SHOW MEASUREMENTS'
            influx -port 18086 -database leitwarte -execute 'SELECT * FROM icmp WHERE time > now() - 1m'
  one poll: java -jar $jar poll --config $demo/leitwarte.yaml --device wr-router
  sign in:  http://127.0.0.1:8080/login as admin / demo-admin-passwort
  incidents: java -jar $jar incidents --config $demo/leitwarte.yaml --token-file $demo/token
  on call:  java -jar $jar oncall --config $demo/leitwarte.yaml --token-file $demo/token
  API:      curl -s -H "Authorization: Bearer \$(cat $demo/token)" http://127.0.0.1:8080/api/v1/tenants
  pages:    less $demo/mail.log   (the notifications, as a local SMTP sink received them)
  checks:   influx -port 18086 -database leitwarte -execute 'SELECT last(ok), last(response_ms) FROM service_check GROUP BY "check"'
  discover: java -jar $jar discover --config $demo/leitwarte.yaml --tenant wernigerode 127.0.0.0/29
            (proposes the agents it finds as inventory entries; adds nothing)
  a trap:   snmptrap -v2c -c demo-traps --clientaddr=127.0.0.2 127.0.0.1:10162 '' 1.3.6.1.6.3.1.1.5.3 1.3.6.1.2.1.2.2.1.1.3 i 3
            (linkDown of ifIndex 3 on wr-router: the alert interface_link_down_trap fires at once;
             the same with 1.3.6.1.6.3.1.1.5.4, linkUp, resolves it)
Ctrl-C stops everything.

INFO
cd "$demo"
# Its own session too: Ctrl-C reaches the script, which stops Leitwarte before the daemons.
setsid java -jar "$jar" run --config "$demo/leitwarte.yaml" &
leitwarte=$!
wait "$leitwarte"
