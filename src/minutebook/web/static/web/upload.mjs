// Uploads the chosen papers one at a time, showing each file's progress and outcome.
// Without JavaScript the form posts all files at once and the server lists the outcomes.
const form = document.getElementById("upload-form");
const status = document.getElementById("upload-status");

function cell(row, text) {
  const td = document.createElement("td");
  td.className = "govuk-table__cell";
  if (text instanceof Node) td.appendChild(text); else td.textContent = text;
  row.appendChild(td);
  return td;
}

function describe(outcome) {
  if (outcome.errors && outcome.errors.length) return outcome.errors.join("; ");
  if (!outcome.new) return "Already stored: nothing changed";
  return outcome.warnings ? `Added, ${outcome.warnings} warning(s)` : "Added";
}

function send(file, token, progress) {
  return new Promise((resolve) => {
    const body = new FormData();
    body.append("paper", file);
    const request = new XMLHttpRequest();
    request.open("POST", form.dataset.fileUrl);
    request.setRequestHeader("X-CSRFToken", token);
    request.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) progress.value = Math.round((event.loaded / event.total) * 100);
    });
    request.addEventListener("load", () => {
      try {
        const data = JSON.parse(request.responseText);
        resolve(data.error ? { name: file.name, status: "failed", errors: [data.error.detail] } : data);
      } catch {
        resolve({ name: file.name, status: "failed", errors: [`The server answered ${request.status}`] });
      }
    });
    request.addEventListener("error", () => resolve({ name: file.name, status: "failed", errors: ["The upload was interrupted"] }));
    request.send(body);
  });
}

if (form) {
  form.addEventListener("submit", async (event) => {
    const files = [...document.getElementById("papers").files];
    if (!files.length) return;
    event.preventDefault();
    const token = form.querySelector("input[name=csrfmiddlewaretoken]").value;
    status.innerHTML = "";
    const heading = document.createElement("h2");
    heading.className = "govuk-heading-m";
    heading.textContent = "Results";
    const table = document.createElement("table");
    table.className = "govuk-table";
    const head = document.createElement("thead");
    head.className = "govuk-table__head";
    const headRow = document.createElement("tr");
    headRow.className = "govuk-table__row";
    for (const label of ["File", "Status", "Details"]) {
      const th = document.createElement("th");
      th.className = "govuk-table__header";
      th.scope = "col";
      th.textContent = label;
      headRow.appendChild(th);
    }
    head.appendChild(headRow);
    const body = document.createElement("tbody");
    body.className = "govuk-table__body";
    table.append(head, body);
    status.append(heading, table);
    const rows = files.map((file) => {
      const row = document.createElement("tr");
      row.className = "govuk-table__row";
      cell(row, file.name);
      const progress = document.createElement("progress");
      progress.className = "mb-progress";
      progress.max = 100;
      progress.value = 0;
      progress.setAttribute("aria-label", `Upload of ${file.name}`);
      const state = cell(row, progress);
      const details = cell(row, "Waiting");
      body.appendChild(row);
      return { file, progress, state, details };
    });
    for (const entry of rows) {
      entry.details.textContent = "Uploading and reading";
      const outcome = await send(entry.file, token, entry.progress);
      entry.state.textContent = outcome.status;
      if (outcome.source_url) {
        const link = document.createElement("a");
        link.className = "govuk-link";
        link.href = outcome.source_url;
        link.textContent = describe(outcome);
        entry.details.textContent = "";
        entry.details.appendChild(link);
      } else {
        entry.details.textContent = describe(outcome);
      }
    }
  });
}
