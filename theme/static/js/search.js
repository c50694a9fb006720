// Search page: queries the Pagefind index written by `make html`, filters by topic and asset, keeps the
// query in the address bar. The index comes in monthly parts (output/pagefind/<yyyy-mm>/, listed newest
// first in parts.json). Pagefind's runtime (its script, worker and WebAssembly) is loaded once, from the
// newest part, and the other parts are merged into that one instance as indexes: every part ships the
// same runtime, and loading it per part cost a copy per month. The only script of the site.
const form = document.getElementById("search");
const input = form.elements.q;
const status = document.getElementById("search-status");
const list = document.getElementById("search-results");
const PAGE = 20;

// The site root as an absolute URL: SITEURL may be absolute (published) or relative (local preview).
const root = new URL(form.dataset.root, location.href);
let pagefind;
let shown = [];
let generation = 0;

// One promise, made on the first query: a second query while it loads waits for the same runtime.
function loadPagefind() {
  pagefind ??= openParts();
  return pagefind;
}

// Each part is tagged with a `part` filter of its name, so that a search can be confined to one part.
async function openParts() {
  const names = await (await fetch(new URL("pagefind/parts.json", root))).json();
  if (!names.length) return { runtime: null, names }; // a site with no story yet
  const base = root.pathname;
  const [newest, ...older] = names;
  const runtime = await import(new URL(`pagefind/${newest}/pagefind.js`, root).href);
  await runtime.options({ baseUrl: base, mergeFilter: { part: newest } });
  await runtime.init();
  await Promise.all(older.map((name) => runtime.mergeIndex(new URL(`pagefind/${name}/`, root).pathname,
    { baseUrl: base, mergeFilter: { part: name } })));
  return { runtime, names };
}

// Words: one search over the merged parts, by relevance. Filters alone: newest first. Pagefind scores a
// sorted search by a page's rank within its own part and merges parts by score, which would interleave
// the months; one search per part, concatenated in parts.json's order (newest first), keeps the dates'.
async function find(term, chosen) {
  const { runtime, names } = await loadPagefind();
  if (!runtime) return [];
  if (term) return (await runtime.search(term, { filters: chosen })).results;
  const perPart = await Promise.all(names.map((part) =>
    runtime.search(null, { filters: { ...chosen, part }, sort: { date: "desc" } })));
  return perPart.flatMap((found) => found.results);
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

function moreItem() {
  const li = document.createElement("li");
  li.id = "search-more";
  const button = document.createElement("button");
  button.type = "button";
  button.textContent = `Show ${Math.min(PAGE, shown.length)} more`;
  button.addEventListener("click", showMore);
  li.append(button);
  return li;
}

// The next batch of results as list items (their excerpts load first), then "Show more" while any are left.
async function nextItems() {
  const batch = shown.splice(0, PAGE);
  const items = (await Promise.all(batch.map((r) => r.data()))).map(resultItem);
  if (shown.length) items.push(moreItem());
  return items;
}

async function showMore() {
  const items = await nextItems();
  document.getElementById("search-more")?.remove();
  list.append(...items);
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
  const found = await find(term, chosen);
  if (mine !== generation) return; // a newer query is under way
  shown = found;
  const n = found.length;
  const items = await nextItems();
  if (mine !== generation) return;
  // the old results stay until the new ones are ready: the list never empties in between, so what
  // follows it does not jump up and down again
  status.textContent = n ? `${n} ${n === 1 ? "story" : "stories"} found.` : "No story matches.";
  list.replaceChildren(...items);
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
