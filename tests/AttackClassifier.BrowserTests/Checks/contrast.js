// WCAG 2.x text contrast (success criterion 1.4.3, level AA) of every rendered text on the page.
// Returns { problems: [{check, where, detail}], counted: { texts } }.
// Contrast ratio (L1 + 0.05) / (L2 + 0.05) of relative luminances, L = 0.2126 R + 0.7152 G + 0.0722 B of linearised sRGB
// (https://www.w3.org/TR/WCAG21/#dfn-relative-luminance). Needs 4.5:1, or 3:1 for large text: ≥ 24 px, or ≥ 18.66 px bold.
// The colour behind HTML text is the first opaque background up its ancestors; behind SVG text it is what the browser's hit
// test finds under the text's centre (a heatmap cell, a chart's background rectangle), then the HTML behind the svg.
() => {
  const problems = [];
  const parse = css => {
    const m = css && css.match(/rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)/);
    if (!m) return null;
    const a = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : parseFloat(m[4]);
    return [+m[1], +m[2], +m[3], a];
  };
  const over = (top, bottom) => top.slice(0, 3).map((c, i) => c * top[3] + bottom[i] * (1 - top[3])).concat(1);   // alpha compositing
  const linear = c => { c /= 255; return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
  const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
  const ratio = (x, y) => { const [hi, lo] = [luminance(x), luminance(y)].sort((p, q) => q - p); return (hi + 0.05) / (lo + 0.05); };
  const hex = c => '#' + c.slice(0, 3).map(v => Math.round(v).toString(16).padStart(2, '0')).join('');
  const canvas = [255, 255, 255, 1];

  // Backgrounds below `layers` (paint order, topmost first), composited down to the first opaque one.
  const composite = layers => {
    const stack = [];
    for (const colour of layers) {
      if (!colour || colour[3] === 0) continue;
      stack.push(colour);
      if (colour[3] >= 1) break;
    }
    return stack.reduceRight((below, top) => over(top, below), canvas);
  };
  const htmlBackgrounds = el => { const out = []; for (let e = el; e; e = e.parentElement) out.push(parse(getComputedStyle(e).backgroundColor)); return out; };
  const svgShapes = new Set(['rect', 'circle', 'ellipse', 'polygon', 'path']);
  // Whether the centre of SVG text lies inside its chart's frame: text clipped away is not seen (the layout checks report it).
  const visibleInChart = el => {
    const frame = el.ownerSVGElement?.getBoundingClientRect(), r = el.getBoundingClientRect();
    const x = r.left + r.width / 2, y = r.top + r.height / 2;
    return frame && x >= frame.left && x <= frame.right && y >= frame.top && y <= frame.bottom;
  };
  const backgroundOf = el => {
    if (!(el instanceof SVGElement)) return composite(htmlBackgrounds(el));
    el.scrollIntoView({ block: 'center', inline: 'center' });   // hit testing sees only the viewport
    const r = el.getBoundingClientRect();
    const layers = [];
    let html = null;
    for (const hit of document.elementsFromPoint(r.left + r.width / 2, r.top + r.height / 2)) {
      if (hit === el || el.contains(hit) || hit.localName === 'text') continue;
      if (!(hit instanceof SVGElement)) { html = hit; break; }
      const style = getComputedStyle(hit);
      if (svgShapes.has(hit.localName) && style.fill !== 'none') {
        const fill = parse(style.fill);
        if (fill) layers.push([fill[0], fill[1], fill[2], fill[3] * parseFloat(style.fillOpacity) * parseFloat(style.opacity)]);
      } else if (hit.localName === 'svg') layers.push(parse(style.backgroundColor));
    }
    return composite(layers.concat(html ? htmlBackgrounds(html) : []));
  };

  // Closed <details> hold data tables a reader can open: open them all for the check, close them again after.
  const closed = [...document.querySelectorAll('details:not([open])')];
  closed.forEach(d => { d.open = true; });
  const hidden = new Set(['title', 'desc', 'style', 'script', 'head', 'template']);
  const candidates = [...document.querySelectorAll('body *')].filter(el =>
    !hidden.has(el.localName) && !el.closest('title, desc') &&
    [...el.childNodes].some(n => n.nodeType === Node.TEXT_NODE && n.textContent.trim()) &&
    el.checkVisibility({ visibilityProperty: true }) && (!(el instanceof SVGElement) || visibleInChart(el)));
  for (const el of candidates) {
    const style = getComputedStyle(el);
    const own = parse(el instanceof SVGElement ? style.fill : style.color);
    if (!own) { problems.push({ check: 'contrast', where: el.localName, detail: `cannot read the text colour ${style.fill || style.color}` }); continue; }
    const background = backgroundOf(el);
    const foreground = over([own[0], own[1], own[2], own[3] * parseFloat(el instanceof SVGElement ? style.fillOpacity : 1) * parseFloat(style.opacity)], background);
    const size = parseFloat(style.fontSize), bold = parseInt(style.fontWeight, 10) >= 700;
    const needed = size >= 24 || (size >= 18.66 && bold) ? 3 : 4.5;
    const got = ratio(foreground, background);
    if (got < needed) {
      const where = (el.closest('figure')?.id ? `figure #${el.closest('figure').id} ` : '') + el.localName;
      problems.push({ check: 'contrast', where,
        detail: `text ${JSON.stringify(el.textContent.trim().slice(0, 50))}: ${got.toFixed(2)}:1 (${hex(foreground)} on ${hex(background)}, ${size} px${bold ? ' bold' : ''}), needs ${needed}:1` });
    }
  }
  closed.forEach(d => { d.open = false; });
  window.scrollTo(0, 0);
  return { problems, counted: { texts: candidates.length } };
}
