// Search page: queries the Pagefind index written by `make html`, filters by topic and asset, keeps the
// query in the address bar. The index comes in monthly parts (output/pagefind/<yyyy-mm>/, listed newest
// first in parts.json): each is its own Pagefind instance; a search asks them all and merges the results
// (by relevance, or newest first when only filters are set). The only script of the site.
const form = document.getElementById("search");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const PAGE = 20;

// The site root as an absolute URL: SITEURL may be absolute (published) or relative (local preview).
const root = new URL(form.dataset.root, location.href);
let parts;
let shown = [];
let generation = 0;

async function loadParts() {
  if (!parts) {
    const names = await (await fetch(new URL("pagefind/parts.json", root))).json();
    parts = await Promise.all(names.map(async (name) => {
      const part = await import(new URL(`pagefind/${name}/pagefind.js`, root).href);
      await part.options({ baseUrl: root.pathname });
      await part.init();
      return part;
    }));
  }
  return parts;
}

function filters() {
  const out = {};
  for (const name of ["topic", "asset"]) {
    if (form.elements[name].value) out[name] = form.elements[name].value;
  }
  return out;
}

// Pagefind's excerpt marks the matched words with <mark>; keep only text and those marks.
function excerptNode(html) {
  const template = document.createElement("template");
  template.innerHTML = html;
  const p = document.createElement("p");
  p.className = "summary";
  for (const node of template.content.childNodes) {
    if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      p.append(mark);
    } else {
      p.append(node.textContent);
    }
  }
  return p;
}

function resultItem(data) {
  const li = document.createElement("li");
  const h = document.createElement("h2");
  const a = document.createElement("a");
  a.href = data.url;
  a.textContent = data.meta.title || data.url;
  h.append(a);
  li.append(h);
  if (data.meta.date) {
    const meta = document.createElement("p");
    meta.className = "meta";
    meta.textContent = data.meta.date;
    li.append(meta);
  }
  li.append(excerptNode(data.excerpt || ""));
  return li;
}

async function showMore() {
  const batch = shown.splice(0, PAGE);
  const datas = await Promise.all(batch.map((r) => r.data()));
  document.getElementById("search-more")?.remove();
  list.append(...datas.map(resultItem));
  if (shown.length) {
    const li = document.createElement("li");
    li.id = "search-more";
    const button = document.createElement("button");
    button.type = "button";
    button.textContent = `Show ${Math.min(PAGE, shown.length)} more`;
    button.addEventListener("click", showMore);
    li.append(button);
    list.append(li);
  }
}

async function run() {
  const term = input.value.trim();
  const chosen = filters();
  const url = new URL(location.href);
  for (const [key, value] of [["q", term], ["topic", chosen.topic], ["asset", chosen.asset]]) {
    if (value) url.searchParams.set(key, value); else url.searchParams.delete(key);
  }
  history.replaceState(null, "", url);
  const mine = ++generation;
  if (!term && !Object.keys(chosen).length) {
    list.replaceChildren();
    status.textContent = "Type a word, or pick a topic or an asset.";
    return;
  }
  status.textContent = "Searching…";
  const options = term ? { filters: chosen } : { filters: chosen, sort: { date: "desc" } };
  const found = await Promise.all((await loadParts()).map((part) => part.search(term || null, options)));
  if (mine !== generation) return; // a newer query is under way
  // parts are months, newest first: concatenated, date-sorted lists stay newest first
  shown = found.flatMap((search) => search.results);
  if (term) shown.sort((a, b) => b.score - a.score);
  const n = shown.length;
  status.textContent = n ? `${n} ${n === 1 ? "story" : "stories"} found.` : "No story matches.";
  list.replaceChildren();
  await showMore();
}

let timer;
function soon() {
  clearTimeout(timer);
  timer = setTimeout(run, 200);
}

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});
input.addEventListener("input", soon);
form.elements.topic.addEventListener("change", run);
form.elements.asset.addEventListener("change", run);

const params = new URLSearchParams(location.search);
input.value = params.get("q") || "";
for (const name of ["topic", "asset"]) form.elements[name].value = params.get(name) || "";
run();
