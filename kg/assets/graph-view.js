/* kg viz: legend, type filter, search, tooltips, neighbour highlight and details.
 *
 * Every string from the graph is untrusted paper text. It is only ever put on the page
 * through textContent, DOM properties or setAttribute on fixed attribute names, never
 * parsed as markup. vis-network gets tooltips as ready-made Elements for the same reason.
 */
(function () {
  "use strict";

  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const meta = data.meta;
  const SVG = "http://www.w3.org/2000/svg";
  const FADED_NODE = { background: "#e6e9ee", border: "#ffffff", highlight: { background: "#e6e9ee", border: "#ffffff" }, hover: { background: "#e6e9ee", border: "#ffffff" } };
  const FADED_FONT = { color: "#c5cad3", strokeWidth: 0 };
  const FADED_EDGE = { color: "rgba(195, 200, 209, 0.25)", highlight: "rgba(195, 200, 209, 0.25)", hover: "rgba(195, 200, 209, 0.25)" };
  const typeColor = new Map(meta.types.map((t) => [t.type, t.color]));
  const roleLabel = new Map(meta.roles.map((r) => [r.role, r.label]));

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null && text !== "") node.textContent = String(text);
    return node;
  }

  function dot(color) {
    const d = el("span", "dot");
    d.style.backgroundColor = color || "#bab0ac";
    return d;
  }

  function webUrl(url) {
    return typeof url === "string" && /^https?:\/\//i.test(url) ? url : null;
  }

  function count(n, one, many) {
    return n + " " + (n === 1 ? one : many);
  }

  // -- legend icons: the same shapes vis draws ------------------------------------------
  function shapeIcon(shape, color) {
    const svg = document.createElementNS(SVG, "svg");
    svg.setAttribute("width", "16");
    svg.setAttribute("height", "16");
    svg.setAttribute("viewBox", "0 0 16 16");
    svg.setAttribute("aria-hidden", "true");
    let item;
    const polygon = (points) => {
      const p = document.createElementNS(SVG, "polygon");
      p.setAttribute("points", points);
      return p;
    };
    const ring = (n, outer, inner, turn) => {
      const pts = [];
      for (let i = 0; i < n * (inner ? 2 : 1); i++) {
        const r = inner && i % 2 ? inner : outer;
        const a = turn + (i * Math.PI) / (inner ? n : n / 2);
        pts.push((8 + r * Math.cos(a)).toFixed(2) + "," + (8 + r * Math.sin(a)).toFixed(2));
      }
      return pts.join(" ");
    };
    if (shape === "square") {
      item = document.createElementNS(SVG, "rect");
      item.setAttribute("x", "2.5");
      item.setAttribute("y", "2.5");
      item.setAttribute("width", "11");
      item.setAttribute("height", "11");
    } else if (shape === "diamond") item = polygon("8,1 15,8 8,15 1,8");
    else if (shape === "triangle") item = polygon("8,1.5 15,14 1,14");
    else if (shape === "triangleDown") item = polygon("1,2 15,2 8,14.5");
    else if (shape === "star") item = polygon(ring(5, 7.5, 3.2, -Math.PI / 2));
    else if (shape === "hexagon") item = polygon(ring(6, 7, 0, 0));
    else {
      item = document.createElementNS(SVG, "circle");
      item.setAttribute("cx", "8");
      item.setAttribute("cy", "8");
      item.setAttribute("r", "6");
    }
    item.setAttribute("fill", color);
    svg.appendChild(item);
    return svg;
  }

  // -- tooltips ---------------------------------------------------------------------------
  function nodeTooltip(info) {
    const box = el("div", "tip");
    box.appendChild(el("div", "tip-name", info.name));
    const line = el("div", "tip-meta");
    line.appendChild(dot(typeColor.get(info.type)));
    line.appendChild(el("span", "", info.type));
    if (info.type === "Paper") {
      if (info.date) line.appendChild(el("span", "", "· " + info.date));
      line.appendChild(el("span", "", "· " + count(info.entities.length + info.more, "entity", "entities")));
    } else {
      line.appendChild(el("span", "", "· " + count(info.papers, "paper", "papers")));
    }
    box.appendChild(line);
    if (info.aliases && info.aliases.length) box.appendChild(el("div", "tip-row", "also: " + info.aliases.join(", ")));
    if (info.organizations && info.organizations.length) box.appendChild(el("div", "tip-row", info.organizations.join(", ")));
    if (info.evidence) box.appendChild(el("blockquote", "evidence", "“" + info.evidence + "”"));
    return box;
  }

  function edgeTooltip(info, from, to) {
    const box = el("div", "tip");
    box.appendChild(el("div", "tip-name", from + " " + (roleLabel.get(info.role) || info.role) + " " + to));
    box.appendChild(el("div", "tip-meta", "confidence " + info.confidence));
    if (info.evidence) box.appendChild(el("blockquote", "evidence", "“" + info.evidence + "”"));
    return box;
  }

  // -- data -------------------------------------------------------------------------------
  const infoById = new Map();
  const baseNode = new Map();
  const baseEdge = new Map();
  const nodeItems = data.nodes.map((n) => {
    infoById.set(n.id, n.info);
    baseNode.set(n.id, { color: n.color, font: { color: data.options.nodes.font.color, strokeWidth: data.options.nodes.font.strokeWidth } });
    const item = Object.assign({}, n, { title: nodeTooltip(n.info) });
    delete item.info;
    return item;
  });
  const edgeItems = data.edges.map((e) => {
    baseEdge.set(e.id, { color: e.color });
    const item = Object.assign({}, e, { title: edgeTooltip(e.info, infoById.get(e.from).name, infoById.get(e.to).name) });
    delete item.info;
    return item;
  });
  // Node values are already log(papers); the square root lifts the many two- and three-paper
  // entities enough for their labels to show in an overview.
  data.options.nodes.scaling.customScalingFunction = (min, max, total, value) => (max > min ? Math.sqrt((value - min) / (max - min)) : 0.5);
  const nodes = new vis.DataSet(nodeItems);
  const edges = new vis.DataSet(edgeItems);
  const container = document.getElementById("graph");
  const network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);

  const view = { nodes: nodes, edges: edges, network: network, meta: meta, ready: false, readyMs: null };
  window.kgView = view;
  network.once("afterDrawing", () => {
    view.ready = true;
    view.readyMs = performance.now();
    document.documentElement.setAttribute("data-ready", "true");
  });
  fitBeside();

  // Fit the whole view into the part of the window the legend panel leaves free.
  function fitBeside() {
    const width = container.clientWidth;
    const height = container.clientHeight;
    const panel = document.getElementById("panel").getBoundingClientRect();
    const left = width > 900 ? panel.right : 0;
    const [minX, minY, maxX, maxY] = meta.bounds;
    if (!(maxX > minX) && !(maxY > minY)) return;
    const pad = 16;
    const scale = Math.min(1.0, (width - left - 2 * pad) / Math.max(1, maxX - minX), (height - 2 * pad) / Math.max(1, maxY - minY));
    network.moveTo({
      position: { x: (minX + maxX) / 2 - left / 2 / scale, y: (minY + maxY) / 2 },
      scale: scale,
      animation: false,
    });
  }

  // -- highlight neighbours ---------------------------------------------------------------
  let highlighted = null;

  function highlight(id) {
    const keep = new Set([id].concat(network.getConnectedNodes(id)));
    const keepEdges = new Set(network.getConnectedEdges(id));
    nodes.update(nodes.getIds().map((n) => (keep.has(n) ? Object.assign({ id: n }, baseNode.get(n)) : { id: n, color: FADED_NODE, font: FADED_FONT })));
    edges.update(edges.getIds().map((e) => (keepEdges.has(e) ? Object.assign({ id: e }, baseEdge.get(e)) : { id: e, color: FADED_EDGE })));
    highlighted = id;
  }

  function clearHighlight() {
    if (highlighted === null) return;
    nodes.update(nodes.getIds().map((n) => Object.assign({ id: n }, baseNode.get(n))));
    edges.update(edges.getIds().map((e) => Object.assign({ id: e }, baseEdge.get(e))));
    highlighted = null;
  }

  // -- details panel ----------------------------------------------------------------------
  const details = document.getElementById("details");

  function jumpButton(id, text) {
    if (!nodes.get(id)) return el("span", "plain", text);
    const b = el("button", "link", text);
    b.type = "button";
    b.addEventListener("click", () => select(id, true));
    return b;
  }

  function showDetails(id) {
    const info = infoById.get(id);
    details.replaceChildren();
    const close = el("button", "close", "×");
    close.type = "button";
    close.setAttribute("aria-label", "Close");
    close.addEventListener("click", clearSelection);
    details.appendChild(close);
    details.appendChild(el("h2", "title", info.name));
    details.appendChild(nodeTooltip(info).querySelector(".tip-meta"));
    if (info.aliases && info.aliases.length) details.appendChild(el("div", "tip-row", "also: " + info.aliases.join(", ")));
    if (info.evidence) details.appendChild(el("blockquote", "evidence", "“" + info.evidence + "”"));
    const list = el("ul");
    if (info.type === "Paper") {
      const url = webUrl(info.url);
      if (url) {
        const a = el("a", "", "Open the paper ↗");
        a.href = url;
        a.target = "_blank";
        a.rel = "noopener noreferrer";
        details.appendChild(el("p")).appendChild(a);
      }
      details.appendChild(el("h2", "", "Entities"));
      for (const e of info.entities) {
        const li = el("li");
        li.appendChild(dot(typeColor.get(e.type)));
        li.appendChild(jumpButton(e.id, e.name));
        li.appendChild(el("span", "role", roleLabel.get(e.role) || e.role));
        list.appendChild(li);
      }
    } else {
      details.appendChild(el("h2", "", "Papers"));
      for (const p of info.links) {
        const li = el("li");
        li.appendChild(dot(typeColor.get("Paper")));
        li.appendChild(jumpButton(p.id, p.title));
        const url = webUrl(p.url);
        if (url) {
          const a = el("a", "role", "open ↗");
          a.href = url;
          a.target = "_blank";
          a.rel = "noopener noreferrer";
          li.appendChild(a);
        }
        list.appendChild(li);
      }
    }
    details.appendChild(list);
    if (info.more) details.appendChild(el("p", "more", "and " + info.more + " more"));
    details.hidden = false;
  }

  function select(id, move) {
    const node = nodes.get(id);
    if (!node) return;
    if (node.hidden) setTypeVisible(node.kind, true);
    network.selectNodes([id]);
    highlight(id);
    showDetails(id);
    if (move) network.focus(id, { scale: Math.max(network.getScale(), 1.1), animation: { duration: 450, easingFunction: "easeInOutQuad" } });
  }

  function clearSelection() {
    network.unselectAll();
    clearHighlight();
    details.hidden = true;
  }

  network.on("click", (params) => {
    if (params.nodes.length) select(params.nodes[0], false);
    else if (!params.edges.length) clearSelection();
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") clearSelection();
  });

  // -- legend and type filter -------------------------------------------------------------
  document.getElementById("caption").textContent = meta.caption;
  const checkboxes = new Map();

  function setTypeVisible(type, visible) {
    const box = checkboxes.get(type);
    if (box) {
      box.checked = visible;
      box.closest("li").classList.toggle("off", !visible);
    }
    nodes.update(nodes.get({ filter: (n) => n.kind === type }).map((n) => ({ id: n.id, hidden: !visible })));
    const hidden = new Set(nodes.get({ filter: (n) => n.hidden }).map((n) => n.id));
    edges.update(edges.getIds().map((id) => {
      const e = edges.get(id);
      return { id: id, hidden: hidden.has(e.from) || hidden.has(e.to) };
    }));
  }

  const typeList = document.getElementById("legend-types");
  for (const t of meta.types) {
    const li = el("li");
    const label = el("label");
    const box = el("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("data-type", t.type);
    box.addEventListener("change", () => setTypeVisible(t.type, box.checked));
    checkboxes.set(t.type, box);
    label.appendChild(box);
    label.appendChild(shapeIcon(t.shape, t.color));
    label.appendChild(el("span", "", t.type));
    label.appendChild(el("span", "count", t.count));
    li.appendChild(label);
    typeList.appendChild(li);
  }
  const roleList = document.getElementById("legend-roles");
  for (const r of meta.roles) {
    const li = el("li");
    const line = el("span", "line");
    line.style.backgroundColor = r.color;
    li.appendChild(line);
    li.appendChild(el("span", "", r.label));
    li.appendChild(el("span", "count", r.count));
    roleList.appendChild(li);
  }

  // -- search -----------------------------------------------------------------------------
  const search = document.getElementById("search");
  const status = document.getElementById("search-status");
  const names = document.getElementById("names");
  const index = [];
  for (const n of data.nodes) {
    const all = [n.info.name].concat(n.info.aliases || []);
    for (const name of all) index.push({ key: name.toLowerCase(), id: n.id });
  }
  const seen = new Set();
  for (const n of data.nodes.slice().sort((a, b) => a.info.name.localeCompare(b.info.name))) {
    if (seen.has(n.info.name)) continue;
    seen.add(n.info.name);
    const option = el("option");
    option.value = n.info.name;
    names.appendChild(option);
  }

  function find(query) {
    const q = query.trim().toLowerCase();
    if (!q) return null;
    const hit = index.find((x) => x.key === q) || index.find((x) => x.key.startsWith(q)) || index.find((x) => x.key.includes(q));
    return hit ? hit.id : null;
  }

  function runSearch() {
    if (!search.value.trim()) {
      status.textContent = "";
      return;
    }
    const id = find(search.value);
    status.textContent = id === null ? "Nothing in this view matches." : "";
    if (id !== null) select(id, true);
  }
  search.addEventListener("change", runSearch);
  search.addEventListener("keydown", (event) => {
    if (event.key === "Enter") runSearch();
  });
})();
