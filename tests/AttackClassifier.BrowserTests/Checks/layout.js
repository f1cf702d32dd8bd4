// Layout and markup checks on the rendered page; evaluated by HtmlViewChecker. Returns { problems: [{check, where, detail}],
// counted: how many charts, texts and data marks it looked at } so a test can tell a clean page from a check that saw nothing.
// Geometry is the browser's own: getBoundingClientRect in CSS px, after transforms (rotated labels included).
(tolerance) => {
  const problems = [];
  const counted = { charts: 0, texts: 0, marks: 0 };
  const add = (check, where, detail) => problems.push({ check, where, detail });
  const px = v => Math.round(v * 10) / 10;
  const box = r => `(${px(r.left)}, ${px(r.top)})–(${px(r.right)}, ${px(r.bottom)})`;
  const snippet = el => JSON.stringify((el.textContent || '').trim().slice(0, 60));
  // Top-level SVGs only: an <svg> nested inside another is part of its parent's picture.
  const charts = [...document.querySelectorAll('svg')].filter(s => !s.parentElement?.closest('svg'));   // a standalone .svg: the root
  const name = (svg, i) => svg.closest('figure')?.id ? `figure #${svg.closest('figure').id}` : `svg ${i + 1} of ${charts.length}`;

  charts.forEach((svg, i) => {
    const where = name(svg, i);
    const frame = svg.getBoundingClientRect();
    counted.charts++;
    if (!(frame.width > 0 && frame.height > 0)) {
      add('svg-size', where, `the chart is drawn ${px(frame.width)} × ${px(frame.height)} px: it has no area`);
      return;   // nothing inside a zero box can be measured against it
    }

    // Accessible name and description: role="img", aria-labelledby → its <title>, aria-describedby → its <desc>.
    if (svg.getAttribute('role') !== 'img') add('svg-a11y', where, `role is ${JSON.stringify(svg.getAttribute('role'))}, expected "img"`);
    for (const [attribute, tag] of [['aria-labelledby', 'title'], ['aria-describedby', 'desc']]) {
      const ids = (svg.getAttribute(attribute) || '').split(/\s+/).filter(Boolean);
      const target = ids.map(id => document.getElementById(id)).find(e => e && e.parentElement === svg && e.localName === tag);
      if (!target) add('svg-a11y', where, `${attribute} does not name a <${tag}> child of the svg (${JSON.stringify(ids)})`);
      else if (!target.textContent.trim()) add('svg-a11y', where, `its <${tag}> is empty`);
    }

    // Every text inside its chart's frame, and no two texts of one chart on top of each other.
    const texts = [...svg.querySelectorAll('text')].map(t => ({ t, r: t.getBoundingClientRect() })).filter(x => x.r.width > 0 || x.r.height > 0);
    counted.texts += texts.length;
    for (const { t, r } of texts) {
      const out = Math.max(frame.left - r.left, r.right - frame.right, frame.top - r.top, r.bottom - frame.bottom);
      if (out > tolerance)
        add('text-overflow', where, `text ${snippet(t)} at ${box(r)} reaches ${px(out)} px outside its svg ${box(frame)}`);
    }
    // Sweep in x: sort by left edge, compare each box with those that start before it ends (linear for non-overlapping rows).
    texts.sort((a, b) => a.r.left - b.r.left);
    for (let a = 0; a < texts.length; a++) {
      for (let b = a + 1; b < texts.length && texts[b].r.left < texts[a].r.right - tolerance; b++) {
        const ra = texts[a].r, rb = texts[b].r;
        const w = Math.min(ra.right, rb.right) - Math.max(ra.left, rb.left), h = Math.min(ra.bottom, rb.bottom) - Math.max(ra.top, rb.top);
        if (w > tolerance && h > tolerance)
          add('text-overlap', where, `text ${snippet(texts[a].t)} ${box(ra)} and text ${snippet(texts[b].t)} ${box(rb)} overlap by ${px(w)} × ${px(h)} px`);
      }
    }

    // Data marks (heatmap cells, bars, points) carry a tooltip: a non-empty <title> child.
    for (const mark of svg.querySelectorAll('.mark')) {
      counted.marks++;
      const title = [...mark.children].find(c => c.localName === 'title');
      if (!title || !title.textContent.trim())
        add('tooltip', where, `a <${mark.localName} class="${mark.getAttribute('class')}"> has no <title> tooltip`);
    }

    // A chart in a figure offers its data as a table too (for screen readers and for copying numbers).
    const figure = svg.closest('figure');
    if (figure && !figure.querySelector('details table'))
      add('table-fallback', where, 'the figure has no <details> with a data table');
  });
  return { problems, counted };
}
