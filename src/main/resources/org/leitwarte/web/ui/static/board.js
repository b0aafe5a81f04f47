// Keeps the status board current without reloading: the server sends the tenants the user may see
// (GET /api/v1/status/events, event "status") whenever something changes. The page is complete
// without this script; it only updates the rows in place and announces changes to screen readers.

const board = document.getElementById("board");
const announcer = document.getElementById("announcer");
const note = document.getElementById("live-note");

function stateText(state) {
  return board.dataset["label" + state.charAt(0).toUpperCase() + state.slice(1)] || state;
}

function setText(row, field, value) {
  const cell = row.querySelector(`[data-field="${field}"]`);
  const text = String(value);
  if (cell && cell.textContent !== text) {
    cell.textContent = text;
    return true;
  }
  return false;
}

function update(tenant) {
  const row = board.querySelector(`tr[data-tenant="${CSS.escape(tenant.id)}"]`);
  if (!row) {
    return null;
  }
  const state = row.querySelector('[data-field="state"]');
  let changed = false;
  if (state.dataset.state !== tenant.state) {
    state.dataset.state = tenant.state;
    state.className = `state state-${tenant.state}`;
    state.textContent = stateText(tenant.state);
    changed = true;
  }
  changed = setText(row, "devices", tenant.devices) || changed;
  changed = setText(row, "devices_down", tenant.devices_down) || changed;
  changed = setText(row, "alerts_firing", tenant.alerts_firing) || changed;
  changed = setText(row, "in_maintenance", tenant.in_maintenance) || changed;
  if (!changed) {
    return null;
  }
  row.classList.remove("changed");
  void row.offsetWidth;
  row.classList.add("changed");
  return `${tenant.name}: ${stateText(tenant.state)}`;
}

function connect() {
  const events = new EventSource("/api/v1/status/events");
  events.addEventListener("status", (event) => {
    const changes = JSON.parse(event.data).tenants.map(update).filter((text) => text !== null);
    if (changes.length > 0) {
      announcer.textContent = changes.join(". ");
    }
    note.textContent = announcer.dataset.liveText;
    board.dataset.live = "true";
  });
  events.addEventListener("error", () => {
    // EventSource reconnects by itself (the server sends "retry"); say so meanwhile.
    note.textContent = announcer.dataset.lostText;
    board.dataset.live = "false";
  });
}

if (board && "EventSource" in window) {
  connect();
}
