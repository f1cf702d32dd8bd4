// Print-layout checks, evaluated with print media emulated and the viewport as wide as the paper's printable area.
// Returns { problems: [{check, where, detail}], counted: { figures } }. A figure can be kept whole on one page only if the print style asks for it
// (break-inside: avoid) and it fits: no taller than the printable height, no wider than the printable width.
(pageWidth, pageHeight, tolerance) => {
  const problems = [];
  const figures = [...document.querySelectorAll('figure')];
  figures.forEach((figure, i) => {
    const where = figure.id ? `figure #${figure.id}` : `figure ${i + 1} of ${figures.length}`;
    const style = getComputedStyle(figure);
    if (style.breakInside !== 'avoid' && style.breakInside !== 'avoid-page')
      problems.push({ check: 'print', where, detail: `break-inside is "${style.breakInside}" in print: the page break may cut the figure` });
    const r = figure.getBoundingClientRect();
    if (r.height > pageHeight + tolerance)
      problems.push({ check: 'print', where, detail: `${r.height.toFixed(1)} px tall in print layout, more than the printable height ${pageHeight.toFixed(1)} px: a page break must cut it` });
    for (const svg of figure.querySelectorAll('svg')) {
      const s = svg.getBoundingClientRect();
      if (s.right > pageWidth + tolerance)
        problems.push({ check: 'print', where, detail: `its chart ends at x = ${s.right.toFixed(1)} px, beyond the printable width ${pageWidth.toFixed(1)} px: the right part is not printed` });
    }
  });
  return { problems, counted: { figures: figures.length } };
}
